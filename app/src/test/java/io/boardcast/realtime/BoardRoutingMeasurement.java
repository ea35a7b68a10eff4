package io.boardcast.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.boardcast.board.BoardService;
import io.boardcast.board.Role;
import io.boardcast.support.Fixtures;
import io.boardcast.support.Instance;
import io.boardcast.testsupport.SseClient;
import io.boardcast.testsupport.WebSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A measurement, not a test of a target (issue 14): 200 boards, the first 100 watched on instance A only, the other
 * 100 on instance B only, a change on every board through both instances; logs how many board events the bus brought
 * to each instance (`boardcast.events.received`) and how many each read back from the log instead. It asserts only
 * that every viewer got every event of its board. Its name keeps it out of what {@code ./mvnw verify} runs; it runs
 * when named ({@code routing.boards}, {@code routing.eventsPerBoard} set other sizes):
 * {@code ./mvnw -B -pl app -am verify -Dit.test=BoardRoutingMeasurement -Dtest=NoSuchTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}
 */
class BoardRoutingMeasurement {

    private static final Logger log = LoggerFactory.getLogger(BoardRoutingMeasurement.class);
    private static final int BOARDS = Integer.getInteger("routing.boards", 200);
    private static final int EVENTS_PER_BOARD = Integer.getInteger("routing.eventsPerBoard", 5);
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static Instance a;
    private static Instance b;

    @BeforeAll
    static void startInstances() {
        // No sweep: what reaches an instance here comes through the bus (or the log, counted as backfilled).
        String[] settings = {"boardcast.realtime.sweep-interval=1h",
                "boardcast.realtime.max-streams-per-session=" + BOARDS,
                "boardcast.realtime.max-streams-per-user=" + BOARDS};
        a = Instance.start("postgres,redis", settings);
        b = Instance.start("postgres,redis", settings);
    }

    @AfterAll
    static void stopInstances() {
        Instance.closeAll(a, b);
    }

    @Test
    void eachInstanceReceivesTheEventsOfTheBoardsWatchedThere() {
        Fixtures fixtures = a.fixtures();
        String owner = fixtures.user("owner");
        String viewer = fixtures.user("viewer");
        BoardService boardService = a.bean(BoardService.class);
        List<Long> boards = IntStream.range(0, BOARDS).mapToObj(i -> {
            long boardId = boardService.create("Routed " + i, owner).getId();
            boardService.addMember(boardId, owner, viewer, Role.VIEWER);
            return boardId;
        }).toList();
        WebSession onA = WebSession.newBrowser(a.baseUrl()).signIn(viewer, Fixtures.PASSWORD);
        WebSession onB = onA.at(b.baseUrl());
        List<SseClient> streams = new ArrayList<>();
        try {
            for (int i = 0; i < BOARDS; i++) {
                WebSession session = i < BOARDS / 2 ? onA : onB;
                streams.add(SseClient.open(session, "/boards/" + boards.get(i) + "/events", null));
            }
            // A first change on every board, seen by its viewer: from then on, each board's route is in place.
            change(boards, owner, "Warm-up");
            awaitEvents(streams, 1);

            double receivedA = a.counter("boardcast.events.received");
            double receivedB = b.counter("boardcast.events.received");
            double backfilledA = a.counter("boardcast.events.backfilled");
            double backfilledB = b.counter("boardcast.events.backfilled");
            long started = System.nanoTime();
            for (int round = 1; round <= EVENTS_PER_BOARD; round++) {
                change(boards, owner, "Round " + round);
            }
            awaitEvents(streams, 1 + EVENTS_PER_BOARD);
            long millis = (System.nanoTime() - started) / 1_000_000;

            log.info("BOARD ROUTING: {} boards ({} watched on A, {} on B), {} events in {} ms; A received {} board"
                            + " events from the bus (backfilled {}), B received {} (backfilled {})",
                    BOARDS, BOARDS / 2, BOARDS - BOARDS / 2, BOARDS * EVENTS_PER_BOARD, millis,
                    (long) (a.counter("boardcast.events.received") - receivedA),
                    (long) (a.counter("boardcast.events.backfilled") - backfilledA),
                    (long) (b.counter("boardcast.events.received") - receivedB),
                    (long) (b.counter("boardcast.events.backfilled") - backfilledB));
        } finally {
            streams.forEach(SseClient::close);
        }
    }

    /** One new task on every board, half of them through each instance. */
    private static void change(List<Long> boards, String owner, String title) {
        for (int i = 0; i < boards.size(); i++) {
            Instance through = i % 2 == 0 ? a : b;
            through.fixtures().task(boards.get(i), owner, title);
        }
    }

    /** Every stream has its board's events so far, once each and in order. */
    private static void awaitEvents(List<SseClient> streams, int count) {
        for (SseClient stream : streams) {
            await().atMost(WAIT).until(() -> stream.seqs("board").size() >= count);
            List<Long> seqs = stream.seqs("board");
            assertThat(seqs).hasSize(count);
            assertThat(seqs).isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
        }
    }
}
