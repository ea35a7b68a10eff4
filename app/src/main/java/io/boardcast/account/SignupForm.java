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
        @Size(min = 8, message = "A password has at least 8 characters.")
        @MaxUtf8Bytes(value = AccountService.MAX_PASSWORD_BYTES, message = "A password has at most 72 bytes: 72 plain "
                + "letters and digits, fewer with accented letters or emoji (they take 2 to 4 bytes each).")
        String password) {
}
