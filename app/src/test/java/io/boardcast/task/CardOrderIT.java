package io.boardcast.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.boardcast.support.BoardHtml;
import io.boardcast.support.TeamIntegration;
import io.boardcast.testsupport.SseClient;
import io.boardcast.testsupport.SseClient.Frame;
import io.boardcast.testsupport.WebSession;
import io.boardcast.testsupport.WebSession.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cards keep an order within their column: moves put them at a position, and every screen ends in the same order. */
class CardOrderIT extends TeamIntegration {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private long todo;
    private long doing;
    private long first;
    private long second;
    private long third;

    @BeforeEach
    void threeMoreCards() {
        todo = team.columns().get(0);
        doing = team.columns().get(1);
        first = team.taskId();
        second = fixtures.task(team.boardId(), team.owner(), "Second").getId();
        third = fixtures.task(team.boardId(), team.owner(), "Third").getId();
    }

    @Test
    void aMoveWithinAColumnPutsTheCardAtItsPositionAndLeavesTheOthersVersions() {
        Answer moved = editor.post(path(third), Map.of("columnId", "" + todo, "position", "0", "version", "0"));

        assertThat(moved.status()).isEqualTo(302);
        assertThat(order(todo)).containsExactly(third, first, second);
        // Renumbering its neighbours is no edit of theirs: their open forms still hold the right version.
        assertThat(editor.post(path(first), Map.of("columnId", "" + todo, "position", "2", "version", "0")).status())
                .isEqualTo(302);
        assertThat(order(todo)).containsExactly(third, second, first);
    }

    @Test
    void aMoveToAnotherColumnInsertsTheCardAtItsPosition() {
        editor.post(path(first), Map.of("columnId", "" + doing, "version", "0"));
        editor.post(path(second), Map.of("columnId", "" + doing, "version", "0"));

        editor.post(path(third), Map.of("columnId", "" + doing, "position", "1", "version", "0"));

        assertThat(order(doing)).containsExactly(first, third, second);
        assertThat(order(todo)).isEmpty();
    }

    @Test
    void positionsOutsideTheColumnAreClampedAndNoPositionMeansTheEnd() {
        editor.post(path(first), Map.of("columnId", "" + todo, "position", "99", "version", "0"));
        assertThat(order(todo)).containsExactly(second, third, first);

        editor.post(path(first), Map.of("columnId", "" + todo, "position", "-5", "version", "0"));
        assertThat(order(todo)).containsExactly(first, second, third);

        editor.post(path(first), Map.of("columnId", "" + todo, "version", "0"));
        assertThat(order(todo)).containsExactly(second, third, first);
    }

    @Test
    void aPositionThatIsNoNumberIsAClientErrorNotAServerError() {
        Answer answer = editor.post(path(first), Map.of("columnId", "" + todo, "position", "top", "version", "0"));

        assertThat(answer.status()).isBetween(400, 499);
        assertThat(order(todo)).containsExactly(first, second, third);
    }

    @Test
    void aReorderIsLoggedAndPushedAsTheCardsNewPlaceNotAsCards() {
        try (SseClient stream = SseClient.open(editor, team.boardPath() + "/events", "3")) {
            editor.post(path(second), Map.of("columnId", "" + todo, "position", "2", "version", "0"));
            editor.post(path(third), Map.of("columnId", "" + todo, "position", "0", "version", "0"));

            // Rendered from the state at rendering, which may be after the next move already: applied in turn,
            // they give the order the database has.
            Frame toTheEnd = stream.next(WAIT);
            assertThat(toTheEnd.id()).isEqualTo("4");
            assertThat(toTheEnd.data()).contains("<div hx-swap-oob=\"afterend:#column-" + todo + "-cards #task-",
                    "<li id=\"task-" + second + "\" hx-preserve=\"true\"></li>");
            Frame onTop = stream.next(WAIT);
            assertThat(onTop.data()).contains("<div hx-swap-oob=\"afterbegin:#column-" + todo + "-cards\"",
                    "<li id=\"task-" + third + "\" hx-preserve=\"true\"></li>", "Task reordered: Third")
                    .doesNotContain("class=\"card\"", "<section", "data-order");
            Map<Long, List<Long>> page = new HashMap<>(Map.of(todo, new ArrayList<>(List.of(first, second, third))));
            BoardHtml.applyMove(page, toTheEnd.data());
            BoardHtml.applyMove(page, onTop.data());
            assertThat(page.get(todo)).containsExactly(third, first, second).isEqualTo(order(todo));
        }
    }

    @Test
    void concurrentMovesInOneColumnLeaveEveryStreamWithTheOrderTheDatabaseHas() throws Exception {
        List<Long> cards = new ArrayList<>(List.of(first, second, third));
        for (int i = 0; i < 5; i++) {
            cards.add(fixtures.task(team.boardId(), team.owner(), "Card " + i).getId());
        }
        WebSession other = signedIn(team.owner());
        // What a screen shows: the page as rendered, then every pushed move applied in turn.
        Map<Long, List<Long>> screen = new HashMap<>(Map.of(todo, new ArrayList<>(order(todo))));
        try (SseClient stream = SseClient.open(editor, team.boardPath() + "/events", "8")) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Integer>> statuses = new ArrayList<>();
            Random random = new Random(11);
            for (int i = 0; i < 40; i++) {
                long card = cards.get(random.nextInt(cards.size()));
                int position = random.nextInt(cards.size());
                WebSession who = i % 2 == 0 ? editor : other;
                // Version 0 stays current: moves within a column are no edits of the cards they renumber.
                statuses.add(pool.submit(() -> who.htmxPost(path(card), Map.of("columnId", "" + todo,
                        "position", "" + position, "version", "0")).status()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
            pool.shutdown();

            long last = WebSession.lastEventId(editor.get(team.boardPath()).body());
            Frame frame;
            do {
                frame = stream.next(WAIT);
                BoardHtml.applyMove(screen, frame.data());
            } while (frame.seq() < last);
            assertThat(screen.get(todo)).isEqualTo(order(todo));
        }
    }

    @Test
    void aStreamResumingBehindSeveralMovesAcrossColumnsEndsWithTheOrderTheDatabaseHas() {
        String seen = Long.toString(WebSession.lastEventId(editor.get(team.boardPath()).body()));
        Map<Long, List<Long>> screen = new HashMap<>(Map.of(todo, new ArrayList<>(order(todo)), doing,
                new ArrayList<>(order(doing))));
        move(first, doing, 0);
        move(third, doing, 0);
        move(second, doing, 1);
        move(first, todo, 0);
        move(third, doing, 2);
        move(second, todo, 1);

        // Replayed from the log, every one rendered now, from the state after the last of them.
        try (SseClient stream = SseClient.open(editor, team.boardPath() + "/events", seen)) {
            for (Frame frame : stream.next(6, WAIT)) {
                BoardHtml.applyMove(screen, frame.data());
            }
        }
        assertThat(screen.get(todo)).containsExactly(first, second).isEqualTo(order(todo));
        assertThat(screen.get(doing)).containsExactly(third).isEqualTo(order(doing));
    }

    @Test
    void aMoveIntoAColumnOverItsLimitStandsAndTheMoverIsTold() {
        editor.post(team.boardPath() + "/columns/" + doing, Map.of("name", "In progress", "wipLimit", "1",
                "version", "0"));
        editor.post(path(first), Map.of("columnId", "" + doing, "version", "0"));

        Answer htmx = editor.htmxPost(path(second), Map.of("columnId", "" + doing, "version", "0"));
        Answer plain = editor.post(path(third), Map.of("columnId", "" + doing, "version", "0"));

        assertThat(htmx.status()).isEqualTo(200);
        assertThat(htmx.body()).contains("\u201cIn progress\u201d is over its limit now: 2 / 1.",
                "class=\"count over-limit\" id=\"column-" + doing + "-count\"", "2 / 1");
        assertThat(plain.status()).isEqualTo(302);
        String board = editor.get(plain.location()).body();
        assertThat(board).contains("\u201cIn progress\u201d is over its limit now: 3 / 1.", "3 / 1", "over-limit");
        assertThat(BoardHtml.cardsIn(board, doing)).containsExactly(first, second, third);
        assertThat(editor.get(team.boardPath()).body()).doesNotContain("is over its limit now");
    }

    /** Moves a card with the version its move form has now. */
    private void move(long taskId, long columnId, int position) {
        String page = editor.get(team.boardPath()).body();
        String field = "id=\"task-" + taskId + "-version\" value=\"";
        int at = page.indexOf(field) + field.length();
        String version = page.substring(at, page.indexOf('"', at));
        assertThat(editor.post(path(taskId), Map.of("columnId", "" + columnId, "position", "" + position,
                "version", version)).status()).isEqualTo(302);
    }

    private String path(long taskId) {
        return team.boardPath() + "/tasks/" + taskId + "/move";
    }

    private List<Long> order(long columnId) {
        return BoardHtml.cardsIn(editor.get(team.boardPath()).body(), columnId);
    }
}
