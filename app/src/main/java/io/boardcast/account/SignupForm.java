package io.boardcast.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record SignupForm(
        @NotBlank(message = "Choose a username.")
        @Size(min = 3, max = 40, message = "A username has 3 to 40 characters.")
        @Pattern(regexp = "[A-Za-z0-9._-]*", message = "Use letters, digits, dots, dashes and underscores only.")
        String username,
        @NotBlank(message = "Choose a password.")
        @Size(min = 8, max = 72, message = "A password has 8 to 72 characters.")
        String password) {
}
