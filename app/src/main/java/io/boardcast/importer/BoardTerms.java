package io.boardcast.importer;

import io.boardcast.task.TaskForm;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a row's words mean on one board, read once when a job starts: its columns and labels by name (ignoring case),
 * its members by username. Turns a row into the task form, or says what is wrong with it. A blank column means the
 * board's first column; an unknown column, label or person, or an unreadable due date, refuses the row (a silent
 * fallback would put cards where nobody looks). Plain Java.
 *
 * @param zone where due times without an offset are meant (the importer's browser's zone, else UTC)
 */
record BoardTerms(Map<String, Long> columns, Map<String, Long> labels, Map<String, String> members, String zone) {

    private static final int EARLIEST_YEAR = 1900;
    private static final int LATEST_YEAR = 9999;

    /** A row that can't become a card, said for the importer. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    TaskForm form(CsvFile.Row row) throws Refused {
        if (row.extraCells() > 0) {
            throw new Refused("The row has more cells than the header has columns.");
        }
        TaskForm form = TaskForm.empty();
        form.setTitle(row.cell("title"));
        form.setDescription(row.cell("description").isEmpty() ? null : row.cell("description"));
        String column = row.cell("column");
        if (!column.isBlank()) {
            Long id = columns.get(key(column));
            if (id == null) {
                throw new Refused("The board has no column called \u201c" + shorten(column) + "\u201d.");
            }
            form.setColumnId(id);
        }
        List<String> assignees = new ArrayList<>();
        for (String name : list(row.cell("assignees"))) {
            String member = members.get(key(name));
            if (member == null) {
                throw new Refused("\u201c" + shorten(name) + "\u201d is not a member of this board.");
            }
            assignees.add(member);
        }
        form.setAssignees(assignees);
        List<Long> labelIds = new ArrayList<>();
        for (String name : list(row.cell("labels"))) {
            Long id = labels.get(key(name));
            if (id == null) {
                throw new Refused("The board has no label called \u201c" + shorten(name) + "\u201d.");
            }
            labelIds.add(id);
        }
        form.setLabelIds(labelIds);
        due(row.cell("due").strip(), form);
        return form;
    }

    /**
     * {@code 2026-12-24}, {@code 2026-12-24T17:00} (or with a space) in the importer's zone, or with an offset
     * ({@code 2026-12-24T17:00Z}, {@code …+01:00}), which is what export writes.
     */
    private void due(String text, TaskForm form) throws Refused {
        if (text.isEmpty()) {
            return;
        }
        String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + "T" + text.substring(11) : text;
        LocalDateTime local;
        String inZone = zone;
        try {
            if (iso.length() == 10) {
                local = LocalDate.parse(iso).atStartOfDay();
            } else if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                local = OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
                inZone = "UTC";
            } else {
                local = LocalDateTime.parse(iso);
            }
        } catch (DateTimeException unreadable) {
            throw new Refused("The due date \u201c" + shorten(text) + "\u201d is not a date like 2026-12-24 or 2026-12-24T17:00.");
        }
        if (local.getYear() < EARLIEST_YEAR || local.getYear() > LATEST_YEAR) {
            throw new Refused("Choose a due date between the years " + EARLIEST_YEAR + " and " + LATEST_YEAR + ".");
        }
        form.setDueAt(local);
        form.setZone(inZone);
    }

    private static List<String> list(String cell) {
        List<String> names = new ArrayList<>();
        for (String part : cell.split(CsvFile.LIST_SEPARATOR)) {
            if (!part.isBlank()) {
                names.add(part.strip());
            }
        }
        return names;
    }

    private static String shorten(String text) {
        String stripped = text.strip();
        return stripped.length() > 40 ? stripped.substring(0, 40) + "\u2026" : stripped;
    }
}
