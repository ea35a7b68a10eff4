package io.boardcast.comment;

import io.boardcast.web.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record CommentForm(
        @NotBlank(message = "Write something first.")
        @PlainText
        @Size(max = 5000, message = "A comment has at most 5,000 characters.")
        String body) {
}
