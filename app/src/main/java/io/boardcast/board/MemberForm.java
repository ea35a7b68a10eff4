package io.boardcast.board;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

public record MemberForm(
        @NotBlank(message = "Enter a username.") String username,
        @NotNull(message = "Choose a role.") Role role) {
}
