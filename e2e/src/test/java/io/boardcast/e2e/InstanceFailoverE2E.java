package io.boardcast.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.boardcast.e2e.User.ALICE;
import static io.boardcast.e2e.User.BOB;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.boardcast.testsupport.AppProcess;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An instance dies under alice's open board: she reconnects through nginx to the other one and misses nothing. */
@ExtendWith(E2eExtension.class)
class InstanceFailoverE2E {

    @Test
    void alicesBoardCatchesUpAfterTheInstanceHoldingHerStreamDies(Stage stage) {
        Visitor alice = stage.signIn(ALICE);
        Visitor bob = stage.signIn(BOB);
        Board board = alice.createBoard("Failover", BOB);
        long moved = alice.createTask(board, "Fix the login bug", "To do");
        long renamed = alice.createTask(board, "Update the docs", "To do");
        long commented = alice.createTask(board, "Plan the sprint", "In progress");
        List<AppProcess> instances = stage.cluster().instances();
        // Streams of earlier tests end at their next heartbeat; then alice's is the only one.
        await("earlier streams closed").atMost(Duration.ofSeconds(30))
                .until(() -> instances.stream().allMatch(i -> openStreams(i) == 0));

        BoardPage alicesBoard = alice.openBoard(board);
        AppProcess holder = await("alice's stream found on one instance").atMost(Duration.ofSeconds(10))
                .until(() -> instances.stream().filter(i -> openStreams(i) == 1).toList(), found -> found.size() == 1)
                .get(0);
        NoReload marker = NoReload.mark(alicesBoard.page());
        try {
            holder.kill();

            BoardPage bobsBoard = bob.openBoard(board);
            bobsBoard.move(moved, "In progress");
            assertThat(bobsBoard.cardIn("In progress", moved)).hasCount(1);
            TaskPage bobsTask = bob.openTask(board, renamed);
            bobsTask.rename("Update the docs for 2.0");
            assertThat(bobsTask.title()).hasText("Update the docs for 2.0");
            TaskPage bobsOtherTask = bob.openTask(board, commented);
            bobsOtherTask.comment("Monday 10:00");
            assertThat(bobsOtherTask.comments()).hasCount(1);

            assertThat(alicesBoard.cardIn("In progress", moved)).hasCount(1);
            assertThat(alicesBoard.cardTitle(renamed)).hasText("Update the docs for 2.0");
            assertThat(alicesBoard.commentCount(commented)).hasText("1");
            assertThat(alicesBoard.page().locator("li.card")).hasCount(3);
            for (long task : List.of(moved, renamed, commented)) {
                assertThat(alicesBoard.card(task)).hasCount(1);
            }
            assertThat(alicesBoard.count("To do")).hasText("1");
            assertThat(alicesBoard.count("In progress")).hasText("2");
            assertThat(alicesBoard.page().locator("#connection-status")).hasAttribute("data-state", "live");
            assertEquals(true, marker.stillThere(), "alice's page was reloaded instead of resumed");
        } finally {
            // Later tests need both instances again; the port is fixed, so nginx's upstream list still fits.
            if (!holder.isAlive()) {
                holder.start();
            }
        }
    }

    /** The gauge boardcast_streams_open of one instance, asked directly (not through nginx). */
    private static int openStreams(AppProcess instance) {
        return (int) instance.metric("boardcast_streams_open");
    }
}
