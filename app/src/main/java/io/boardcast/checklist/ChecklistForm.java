package io.boardcast.checklist;

import io.boardcast.web.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An item's text, to add or to rename it; {@code version} (optional) is the item's as the form showed it. */
public record ChecklistForm(
        @NotBlank(message = "Write the item first.")
        @PlainText
        @Size(max = ChecklistForm.MAX, message = "An item has at most 200 characters.")
        String text,
        Long version) {

    static final int MAX = 200;

    static ChecklistForm empty() {
        return new ChecklistForm("", null);
    }
}
