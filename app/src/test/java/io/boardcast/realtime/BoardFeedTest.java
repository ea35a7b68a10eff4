package io.boardcast.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The feed's rules as plain Java: order, no gaps, no repeats, replays, resyncs, failures and removals. */
class BoardFeedTest {

    private static final long BOARD = 7;
    private static final Executor NOW = Runnable::run;

    private final List<BoardEvent> committed = new ArrayList<>();
    private final Map<Long, Integer> failures = new HashMap<>();
    private final AtomicInteger renders = new AtomicInteger();
    private final RealtimeMetrics metrics = new RealtimeMetrics(new SimpleMeterRegistry());
    private final BoardFeed feed = new BoardFeed(BOARD, 0, this::between, NOW, this::render, metrics, 200, 1_000_000);

    @Test
    void deliversEachEventOnceAndInOrderWhateverTheBusDoes() {
        commit(3);
        Client client = join(0);

        accept(1);
        accept(2);
        accept(2);
        accept(1);
        accept(3);

        assertThat(client.ids()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void fillsAGapFromTheLogBeforeTheEventAfterIt() {
        commit(5);
        Client client = join(0);

        accept(1);
        accept(4);

        assertThat(client.ids()).containsExactly(1L, 2L, 3L, 4L);
        accept(5);
        assertThat(client.ids()).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void catchingUpDeliversWhatTheBusNeverCarried() {
        commit(4);
        Client client = join(0);

        feed.catchUpTo(4);

        assertThat(client.ids()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void aReconnectingClientGetsWhatItMissedThenLiveEvents() {
        commit(6);
        LongStream.rangeClosed(1, 5).forEach(this::accept);

        Client client = join(2);
        accept(6);

        assertThat(client.ids()).containsExactly(3L, 4L, 5L, 6L);
    }

    @Test
    void liveEventsThatArriveWhileAReplayIsReadWaitBehindIt() {
        commit(8);
        LongStream.rangeClosed(1, 5).forEach(this::accept);
        Client client = new Client();

        assertThat(feed.join(client.stream, 1, 200, 1000)).isEqualTo(BoardFeed.Joined.REPLAYING);
        accept(6);
        accept(7);
        feed.replay(client.stream, 1);
        accept(8);

        assertThat(client.ids()).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L);
    }

    @Test
    void replaysOlderThanTheCacheAreReadFromTheLogAndRenderedOnceForEveryone() {
        commit(50);
        feed.catchUpTo(50);
        BoardFeed fresh = new BoardFeed(BOARD, 50, this::between, NOW, this::render, metrics, 200, 1_000_000);
        renders.set(0);

        List<Client> clients = List.of(new Client(), new Client(), new Client());
        for (Client client : clients) {
            assertThat(fresh.join(client.stream, 10, 200, 1000)).isEqualTo(BoardFeed.Joined.REPLAYING);
            fresh.replay(client.stream, 10);
        }

        for (Client client : clients) {
            assertThat(client.ids()).containsExactlyElementsOf(LongStream.rangeClosed(11, 50).boxed().toList());
        }
        assertThat(renders).hasValue(40);
    }

    @Test
    void aClientTooFarBehindIsToldToResyncInsteadOfReplaying() {
        commit(300);
        feed.catchUpTo(300);
        Client client = new Client();

        assertThat(feed.join(client.stream, 10, 200, 1000)).isEqualTo(BoardFeed.Joined.RESYNC);

        assertThat(client.text()).contains("event:resync");
        assertThat(client.ids()).isEmpty();
        assertThat(feed.streams()).isEmpty();
    }

    @Test
    void aRenderThatFailsOnceIsTriedAgainByTheSenderAndNothingIsSkipped() {
        commit(3);
        Client client = join(0);
        failures.put(2L, 1);

        accept(1);
        accept(2);
        accept(3);

        assertThat(client.ids()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aRenderThatKeepsFailingEndsTheStreamWithoutSkippingAndTheClientResumesWithIt() {
        commit(3);
        Client client = join(0);
        failures.put(2L, 2);

        accept(1);
        accept(2);
        accept(3);

        assertThat(client.ids()).containsExactly(1L);
        assertThat(client.completed()).isTrue();
        assertThat(feed.streams()).isEmpty();
        Client resumed = join(1);
        assertThat(resumed.ids()).containsExactly(2L, 3L);
    }

    @Test
    void aStreamClosedWhileItsReplayIsReadIsNotLeftAttached() {
        commit(5);
        LongStream.rangeClosed(1, 5).forEach(this::accept);
        Client client = new Client();
        assertThat(feed.join(client.stream, 1, 200, 1000)).isEqualTo(BoardFeed.Joined.REPLAYING);

        client.stream.closedByContainer();
        feed.replay(client.stream, 1);

        assertThat(feed.streams()).isEmpty();
        assertThat(client.ids()).isEmpty();
    }

    @Test
    void aRemovedMemberHearsNothingAfterTheirRemoval() {
        Client removed = join(0, "carol");
        Client stays = join(0, "dave");
        committed.add(new BoardEvent(BOARD, 1, "MEMBER_REMOVED", 0, null, 0, null, "carol", 0));
        commit(2);

        accept(1);
        accept(2);

        assertThat(removed.ids()).isEmpty();
        assertThat(removed.completed()).isTrue();
        assertThat(stays.ids()).containsExactly(1L, 2L);
    }

    @Test
    void theReplayCacheIsBoundedByRenderedSize() {
        BoardFeed small = new BoardFeed(BOARD, 0, this::between, NOW, this::render, metrics, 200, 100);
        commit(20);
        Client client = new Client();
        small.join(client.stream, 0, 200, 1000);
        committed.forEach(small::accept);
        renders.set(0);

        Client late = new Client();
        small.join(late.stream, 0, 200, 1000);
        small.replay(late.stream, 0);

        assertThat(late.ids()).containsExactlyElementsOf(LongStream.rangeClosed(1, 20).boxed().toList());
        // Each rendered event is 14 characters: only the newest few fit in 100, the others were rendered again.
        assertThat(renders.get()).isBetween(11, 14);
    }

    private void commit(long upTo) {
        for (long seq = committed.size() + 1; seq <= upTo; seq++) {
            committed.add(new BoardEvent(BOARD, seq, "TASK_EDITED", 1, null, 1, null, null, 0));
        }
    }

    private void accept(long seq) {
        feed.accept(committed.get((int) seq - 1));
    }

    private List<BoardEvent> between(long boardId, long after, long upTo) {
        return committed.stream().filter(e -> e.seq() > after && e.seq() <= upTo).toList();
    }

    private String render(BoardEvent event, PageView view) {
        if (failures.merge(event.seq(), -1, Integer::sum) >= 0) {
            throw new IllegalStateException("database unreachable");
        }
        renders.incrementAndGet();
        return "<p>e-" + String.format("%05d", event.seq()) + "</p>";
    }

    private Client join(long lastEventId) {
        return join(lastEventId, "bob");
    }

    private Client join(long lastEventId, String username) {
        Client client = new Client(username);
        BoardFeed.Joined joined = feed.join(client.stream, lastEventId, 200, 1000);
        if (joined == BoardFeed.Joined.REPLAYING) {
            feed.replay(client.stream, lastEventId);
        }
        return client;
    }

    /** One browser and its stream. */
    private final class Client extends RecordingEmitter {

        private final ClientStream stream;

        Client() {
            this("bob");
        }

        Client(String username) {
            stream = new ClientStream(BOARD, username, "session-" + username, PageView.unfiltered(true), this, 256, NOW, metrics,
                    Clock.systemUTC(), feed::leave);
        }
    }
}
