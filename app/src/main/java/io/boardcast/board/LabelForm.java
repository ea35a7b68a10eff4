package io.boardcast.board;

import io.boardcast.web.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Adding or changing a label; a mutable bean so an unknown colour still leaves a form to show it in. */
public class LabelForm {

    @NotBlank(message = "Give the label a name.")
    @PlainText
    @Size(max = 30, message = "A label name has at most 30 characters.")
    private String name = "";

    @NotNull(message = "Choose a colour.")
    private LabelColor color = LabelColor.GRAY;

    private Long version;

    static LabelForm of(Label label) {
        LabelForm form = new LabelForm();
        form.name = label.getName();
        form.color = label.getColor();
        form.version = label.getVersion();
        return form;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public LabelColor getColor() {
        return color;
    }

    public void setColor(LabelColor color) {
        this.color = color;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
