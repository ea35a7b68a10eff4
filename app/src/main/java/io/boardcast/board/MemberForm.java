package io.boardcast.board;

import io.boardcast.web.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** A mutable bean so that an unknown role still leaves a form to show the error in. */
public class MemberForm {

    @NotBlank(message = "Enter a username.")
    @PlainText
    private String username = "";

    @NotNull(message = "Choose a role.")
    private Role role = Role.EDITOR;

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }
}
