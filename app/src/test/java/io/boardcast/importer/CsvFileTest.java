package io.boardcast.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boardcast.task.TaskForm;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The file format and what a row means on a board, as plain Java. */
class CsvFileTest {

    private static final BoardTerms TERMS = new BoardTerms(Map.of("to do", 1L, "done", 2L), Map.of("bug", 7L),
            Map.of("alice", "alice", "bob", "Bob"), "Europe/Berlin");

    @Test
    void rowsKnowTheLineTheyStartOnEvenAfterAQuotedNewline() throws Exception {
        List<CsvFile.Row> rows = read("title,description\r\nOne,\"two\nlines\"\r\n\r\nThree,x\n");

        assertThat(rows).extracting(CsvFile.Row::line).containsExactly(2, 5);
        assertThat(rows.get(0).cell("description")).isEqualTo("two\nlines");
        assertThat(rows.get(1).cell("column")).isEmpty();
    }

    @Test
    void theHeaderMayNameColumnsInAnyOrderAndCase() throws Exception {
        List<CsvFile.Row> rows = read("\uFEFFLabels, Title\nbug,Fix it\n");

        assertThat(rows.get(0).cell("title")).isEqualTo("Fix it");
        assertThat(rows.get(0).cell("labels")).isEqualTo("bug");
    }

    @Test
    void aFileWithoutAHeaderIsRefusedWhole() {
        assertThatThrownBy(() -> read("Buy milk,today\n")).isInstanceOf(CsvFile.Unreadable.class)
                .hasMessageContaining("header");
        assertThatThrownBy(() -> read("description\nx\n")).hasMessageContaining("title");
        assertThatThrownBy(() -> read("title\n")).hasMessageContaining("no rows");
        assertThatThrownBy(() -> read("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> read("title\n\"open quote\n")).isInstanceOf(CsvFile.Unreadable.class);
        assertThatThrownBy(() -> CsvFile.read(new byte[] {'t', 'i', 't', 'l', 'e', '\n', (byte) 0xC3, '\n'}, 10))
                .hasMessageContaining("UTF-8");
    }

    @Test
    void tooManyRowsAreRefusedWhole() {
        assertThatThrownBy(() -> CsvFile.read("title\na\nb\nc\n".getBytes(StandardCharsets.UTF_8), 2))
                .hasMessageContaining("more than 2 rows");
    }

    @Test
    void formulaCellsAreEscapedOnExportAndRestoredOnImport() throws Exception {
        List<String> cells = List.of("=SUM(A1)", "+1", "-x", "@me", "'quoted", "'=already", "plain");
        String csv = CsvFile.write(List.of(cells));

        assertThat(csv).startsWith("title,description,column,assignees,due,labels\r\n")
                .contains("'=SUM(A1)", "'+1", "'-x", "'@me", "''quoted", "''=already");
        CsvFile.Row row = read(csv).get(0);
        assertThat(CsvFile.HEADER.stream().map(row::cell).toList()).isEqualTo(cells.subList(0, 6));
    }

    @Test
    void aRowBecomesTheTaskFormOnTheBoardsTerms() throws Exception {
        TaskForm form = TERMS.form(read("title,column,assignees,labels,due\nShip, DONE ,alice; bob,Bug,2026-12-24 17:30\n").get(0));

        assertThat(form.getTitle()).isEqualTo("Ship");
        assertThat(form.getColumnId()).isEqualTo(2L);
        assertThat(form.getAssignees()).containsExactly("alice", "Bob");
        assertThat(form.getLabelIds()).containsExactly(7L);
        assertThat(form.getDueAt()).isEqualTo(LocalDateTime.of(2026, 12, 24, 17, 30));
        assertThat(form.getZone()).isEqualTo("Europe/Berlin");
    }

    @Test
    void aDueTimeWithAnOffsetIsTakenInUtc() throws Exception {
        TaskForm form = TERMS.form(read("title,due\nShip,2026-12-24T17:30+01:00\n").get(0));

        assertThat(form.getDueAt()).isEqualTo(LocalDateTime.of(2026, 12, 24, 16, 30));
        assertThat(form.getZone()).isEqualTo("UTC");
        assertThat(form.getColumnId()).isNull();
    }

    @Test
    void unknownNamesAndBadDatesRefuseTheRow() throws Exception {
        assertThatThrownBy(() -> TERMS.form(read("title,column\nx,Later\n").get(0))).hasMessageContaining("column called \u201cLater\u201d");
        assertThatThrownBy(() -> TERMS.form(read("title,assignees\nx,carol\n").get(0))).hasMessageContaining("\u201ccarol\u201d is not a member");
        assertThatThrownBy(() -> TERMS.form(read("title,labels\nx,feature\n").get(0))).hasMessageContaining("label called");
        assertThatThrownBy(() -> TERMS.form(read("title,due\nx,next tuesday\n").get(0))).hasMessageContaining("not a date");
        assertThatThrownBy(() -> TERMS.form(read("title,due\nx,0001-01-01\n").get(0))).hasMessageContaining("between the years");
        assertThatThrownBy(() -> TERMS.form(read("title\nx,extra\n").get(0))).hasMessageContaining("more cells");
    }

    private static List<CsvFile.Row> read(String text) throws CsvFile.Unreadable {
        return CsvFile.read(text.getBytes(StandardCharsets.UTF_8), 100);
    }
}
