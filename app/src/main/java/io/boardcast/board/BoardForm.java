package io.boardcast.board;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record BoardForm(
        @NotBlank(message = "Give the board a name.")
        @Size(max = 100, message = "A board name has at most 100 characters.")
        String name) {
}
