package io.boardcast.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.boardcast.e2e.User.ALICE;
import static io.boardcast.e2e.User.BOB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A CSV import through the browser, two people, two instances behind nginx: Alice's progress bar advances on her
 * job's page while Bob's board page gets the cards as they are created.
 */
@ExtendWith(E2eExtension.class)
class ImportE2E {

    private static final int ROWS = 400;

    @Test
    void alicesProgressBarAdvancesWhileBobSeesTheCardsArrive(Stage stage) {
        Visitor alice = stage.signIn(ALICE);
        Visitor bob = stage.signIn(BOB);
        Board board = alice.createBoard("Imported backlog", BOB);
        BoardPage bobsBoard = bob.openBoard(board).awaitLive();
        NoReload bobsMarker = NoReload.mark(bobsBoard.page());
        // Every count of cards Bob's "To do" goes through: cards that arrive one by one pass counts between 0 and all.
        bobsBoard.page().evaluate("id => { window.__cardCounts = []; const list = document.getElementById(id);"
                + " new MutationObserver(() => window.__cardCounts.push(list.querySelectorAll(':scope > li.card').length))"
                + ".observe(list, {childList: true}); }", "column-" + board.column("To do") + "-cards");

        Page alices = alice.open(board.path());
        alices.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Import / export")).click();
        alices.locator("#import-file").setInputFiles(new FilePayload("backlog.csv", "text/csv", csv(ROWS)));
        Locator bar = alices.locator("section.import-job progress");
        NoReload alicesMarker;
        // The importer's first card waits for this board's lock, held here until Alice's job page is live at 0: a
        // fast machine would otherwise finish all the rows before her page had loaded. (No key update: the job's own
        // row, which refers to the board, can still be written.)
        try (Connection lock = stage.cluster().database().connect()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("select id from boards where id = " + board.id() + " for no key update");
            }
            alices.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Import").setExact(true)).click();
            assertThat(alices.locator("#connection-status")).hasAttribute("data-state", "live");
            assertThat(bar).hasAttribute("max", Integer.toString(ROWS));
            assertThat(bar).hasAttribute("value", "0");
            alicesMarker = NoReload.mark(alices);
            // Every value her bar shows from now on, each time the pushed section replaces the last.
            alices.evaluate("() => { window.__barValues = []; new MutationObserver(() => {"
                    + " const bar = document.querySelector('section.import-job progress');"
                    + " if (bar) window.__barValues.push(Number(bar.value)); })"
                    + ".observe(document.querySelector('main'), {childList: true, subtree: true}); }");
            lock.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException("could not hold the board's lock", e);
        }

        assertThat(alices.locator("section.import-job")).hasAttribute("data-status", "DONE",
                new LocatorAssertions.HasAttributeOptions().setTimeout(180_000));
        assertThat(bar).hasAttribute("value", Integer.toString(ROWS));
        assertThat(alices.locator(".import-created")).hasText(ROWS + " created");
        assertThat(alices.locator("#import-cancel button")).isHidden();
        assertThat(bobsBoard.cardTitles("To do")).hasCount(ROWS,
                new LocatorAssertions.HasCountOptions().setTimeout(60_000));
        assertThat(bobsBoard.cardTitles("To do").last()).hasText("Row " + ROWS);

        // Her bar moved while the job ran (a value between none and all), and never back.
        List<Integer> shown = ((List<?>) alices.evaluate("() => window.__barValues")).stream()
                .map(value -> ((Number) value).intValue()).toList();
        assertTrue(shown.stream().anyMatch(value -> value > 0 && value < ROWS), "the bar went " + shown);
        assertTrue(IntStream.range(1, shown.size()).allMatch(i -> shown.get(i - 1) <= shown.get(i)),
                "the bar went " + shown);
        // Bob's cards came as they were made, not all at once at the end.
        List<?> counts = (List<?>) bobsBoard.page().evaluate("() => window.__cardCounts");
        assertTrue(counts.stream().map(count -> ((Number) count).intValue()).anyMatch(count -> count > 0 && count < ROWS),
                "Bob's card counts " + counts);
        assertEquals(true, alicesMarker.stillThere(), "alice's job page was reloaded instead of updated");
        assertEquals(true, bobsMarker.stillThere(), "bob's board was reloaded instead of updated");
    }

    private static byte[] csv(int rows) {
        StringBuilder csv = new StringBuilder("title,description,column\n");
        for (int i = 1; i <= rows; i++) {
            csv.append("Row ").append(i).append(",Imported in the browser,To do\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
