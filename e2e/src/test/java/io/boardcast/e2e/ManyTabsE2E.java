package io.boardcast.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.boardcast.e2e.User.ALICE;
import static io.boardcast.e2e.User.BOB;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Over HTTP/1.1 a browser holds at most 6 connections per host, so a 7th tab's stream would wait forever. Over
 * HTTP/2 every tab's stream shares one connection.
 */
@ExtendWith(E2eExtension.class)
class ManyTabsE2E {

    private static final int TABS = 8;

    @Test
    void aliceSeesBobsChangeInEachOfEightTabsOverHttp2(Stage stage) {
        Visitor alice = stage.signInOverTls(ALICE);
        Visitor bob = stage.signInOverTls(BOB);
        Board board = alice.createBoard("Many tabs", BOB);
        long task = alice.createTask(board, "Book the venue", "To do");
        List<BoardPage> tabs = new ArrayList<>();
        for (int i = 0; i < TABS; i++) {
            tabs.add(alice.openBoard(board));
        }
        assertEquals("h2", tabs.get(0).page().evaluate("performance.getEntriesByType('navigation')[0].nextHopProtocol"));

        bob.openBoard(board).move(task, "In progress");

        for (BoardPage tab : tabs) {
            assertThat(tab.cardIn("In progress", task)).hasCount(1);
            assertThat(tab.card(task)).hasCount(1);
        }
    }
}
