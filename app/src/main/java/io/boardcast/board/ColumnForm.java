package io.boardcast.board;

import io.boardcast.web.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Adding or changing a column. A mutable bean so a limit like "ten" still leaves a form to show it in, and so the
 * "counts as done" checkbox can use Spring's {@code _done} marker: unticked is false, a post without the marker
 * leaves the flag alone (null).
 */
public class ColumnForm {

    @NotBlank(message = "Give the column a name.")
    @PlainText
    @Size(max = 60, message = "A column name has at most 60 characters.")
    private String name = "";

    @Min(value = 1, message = "A limit is at least 1 (leave it empty for none).")
    @Max(value = 999, message = "A limit is at most 999.")
    private Integer wipLimit;

    private Boolean done;

    private Long version;

    static ColumnForm of(BoardColumn column) {
        ColumnForm form = new ColumnForm();
        form.name = column.getName();
        form.wipLimit = column.getWipLimit();
        form.done = column.isDone();
        form.version = column.getVersion();
        return form;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getWipLimit() {
        return wipLimit;
    }

    public void setWipLimit(Integer wipLimit) {
        this.wipLimit = wipLimit;
    }

    public Boolean getDone() {
        return done;
    }

    public void setDone(Boolean done) {
        this.done = done;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
