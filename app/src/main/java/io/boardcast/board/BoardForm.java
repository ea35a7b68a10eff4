package io.boardcast.board;

import io.boardcast.web.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record BoardForm(
        @NotBlank(message = "Give the board a name.")
        @PlainText
        @Size(max = 100, message = "A board name has at most 100 characters.")
        String name) {
}
