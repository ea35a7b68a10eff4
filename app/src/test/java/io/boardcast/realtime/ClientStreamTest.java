package io.boardcast.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** One browser's queue as plain Java: bounded, each event once and in order, one sender, completed once. */
class ClientStreamTest {

    private static final long BOARD = 7;
    private static final int CAPACITY = 3;
    private static final Executor NOW = Runnable::run;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RealtimeMetrics metrics = new RealtimeMetrics(meters);

    @Test
    void eventsGoOutInTheOrderTheyAreOffered() {
        Client client = new Client(NOW);

        offer(client, 1, 2, 3, 4, 5);

        assertThat(client.ids()).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void anEventTheClientAlreadyHasIsNotSentAgain() {
        Client client = new Client(NOW);

        offer(client, 1, 2, 2, 1, 3);

        assertThat(client.ids()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void liveEventsHeldDuringAReplayGoOutAfterItInOrderAndOnce() {
        Client client = new Client(NOW);

        client.stream.startReplay(2);
        offer(client, 5, 6);
        assertThat(client.ids()).isEmpty();
        client.stream.finishReplay(List.of(frame(1), frame(2), frame(3), frame(4), frame(5)));
        offer(client, 6, 7);

        assertThat(client.ids()).containsExactly(3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void aSlowClientsOverflowingQueueClosesItsStreamOnlyAndCallsOnCloseOnce() {
        Sender stalled = new Sender();
        Client slow = new Client(stalled);
        Client fast = new Client(NOW);

        for (long seq = 1; seq <= CAPACITY + 2; seq++) {
            offer(slow, seq);
            offer(fast, seq);
        }

        assertThat(slow.stream.isClosed()).isTrue();
        assertThat(slow.closings).isEqualTo(1);
        assertThat(meters.counter("boardcast.streams.overflows").count()).isEqualTo(1);
        assertThat(fast.stream.isClosed()).isFalse();
        assertThat(fast.ids()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(fast.completions).isZero();

        stalled.runAll();
        assertThat(slow.ids()).isEmpty();
        assertThat(slow.completions).isEqualTo(1);
    }

    @Test
    void tooManyEventsHeldDuringAReplayCloseTheStream() {
        Client client = new Client(NOW);
        client.stream.startReplay(0);

        for (long seq = 1; seq <= CAPACITY + 1; seq++) {
            offer(client, seq);
        }

        assertThat(client.stream.isClosed()).isTrue();
        assertThat(client.closings).isEqualTo(1);
        assertThat(client.completions).isEqualTo(1);
        client.stream.finishReplay(List.of());
        assertThat(client.ids()).isEmpty();
    }

    @Test
    void aHeartbeatIsACommentLine() {
        Client client = new Client(NOW);

        client.stream.heartbeat();

        assertThat(client.text()).isEqualTo(":heartbeat\n\n");
    }

    @Test
    void theGreetingTellsTheClientHowLongToWaitBeforeReconnecting() {
        Client client = new Client(NOW);

        client.stream.greet(2500);

        assertThat(client.text()).isEqualTo("retry:2500\n:live\n\n");
    }

    @Test
    void aResyncNamesTheLatestSequenceThenEndsTheStream() {
        Client client = new Client(NOW);

        client.stream.resync(42);

        assertThat(client.text()).isEqualTo("id:42\nevent:resync\ndata:resync\n\n");
        assertThat(client.stream.isClosed()).isTrue();
        assertThat(client.closings).isEqualTo(1);
        assertThat(client.completions).isEqualTo(1);
        assertThat(meters.counter("boardcast.streams.resyncs").count()).isEqualTo(1);
    }

    @Test
    void closingTwiceCompletesTheEmitterOnceAndOnlyOnTheSender() {
        Sender sender = new Sender();
        Client client = new Client(sender);

        client.stream.close();
        client.stream.close();

        assertThat(client.completions).isZero();
        sender.runAll();
        assertThat(client.completions).isEqualTo(1);
        assertThat(client.closings).isEqualTo(1);
    }

    @Test
    void aCloseWhileTheSenderWritesIsCompletedByThatSenderWhenTheWriteReturns() {
        Client client = new Client(NOW);
        client.onSend = () -> {
            client.stream.close();
            assertThat(client.completions).isZero();
        };

        offer(client, 1, 2);

        assertThat(client.ids()).containsExactly(1L);
        assertThat(client.completions).isEqualTo(1);
        assertThat(client.closings).isEqualTo(1);
    }

    @Test
    void nothingIsQueuedAfterTheStreamCloses() {
        Sender sender = new Sender();
        Client client = new Client(sender);

        client.stream.close();
        offer(client, 1);
        client.stream.heartbeat();
        sender.runAll();

        assertThat(client.text()).isEmpty();
        assertThat(client.completions).isEqualTo(1);
    }

    @Test
    void aClientThatWentAwayEndsItsStreamOnce() {
        Client client = new Client(NOW);
        client.failWrites = true;

        offer(client, 1, 2);

        assertThat(client.stream.isClosed()).isTrue();
        assertThat(client.closings).isEqualTo(1);
        assertThat(client.completions).isEqualTo(1);
    }

    @Test
    void aStreamTheContainerEndsWhileItsSenderWritesIsNotCompletedAgain() {
        Client client = new Client(NOW);
        client.onSend = client.stream::closedByContainer;

        offer(client, 1, 2);

        assertThat(client.stream.isClosed()).isTrue();
        assertThat(client.ids()).containsExactly(1L);
        assertThat(client.closings).isEqualTo(1);
        assertThat(client.completions).isZero();
    }

    @Test
    void aPersonalFrameGoesOutInItsPlaceAmongBoardEventsWithoutAnIdOnABoardStream() {
        Client client = new Client(NOW);

        offer(client, 1);
        client.stream.offerPersonal(personal(42));
        offer(client, 2);

        assertThat(client.text()).isEqualTo("id:1\nevent:board\ndata:<p>1</p>\n\n"
                + "event:personal\ndata:<p>for bob: 42</p>\n\n"
                + "id:2\nevent:board\ndata:<p>2</p>\n\n");
    }

    @Test
    void aPersonalStreamsFramesCarryTheNotificationIdToResumeFrom() {
        Client client = new Client(NOW, ClientStream.PERSONAL);

        client.stream.offerPersonal(personal(42));

        assertThat(client.text()).isEqualTo("id:42\nevent:personal\ndata:<p>for bob: 42</p>\n\n");
    }

    @Test
    void aPersonalFrameIsNeitherHeldBackByAReplayNorCountedAsTheClientsLastEvent() {
        Client client = new Client(NOW);

        client.stream.startReplay(2);
        offer(client, 4);
        client.stream.offerPersonal(personal(42));
        assertThat(client.text()).isEqualTo("event:personal\ndata:<p>for bob: 42</p>\n\n");
        client.stream.finishReplay(List.of(frame(3), frame(4)));
        offer(client, 4, 5);

        assertThat(client.ids()).containsExactly(3L, 4L, 5L);
    }

    @Test
    void personalFramesFillTheSameBoundedQueueAndItsOverflowEndsTheStream() {
        Sender stalled = new Sender();
        Client slow = new Client(stalled);

        offer(slow, 1, 2);
        slow.stream.offerPersonal(personal(41));
        assertThat(slow.stream.isClosed()).isFalse();
        slow.stream.offerPersonal(personal(42));

        assertThat(slow.stream.isClosed()).isTrue();
        assertThat(slow.closings).isEqualTo(1);
        assertThat(meters.counter("boardcast.streams.overflows").count()).isEqualTo(1);
        stalled.runAll();
        assertThat(slow.text()).isEmpty();
        assertThat(slow.completions).isEqualTo(1);
    }

    @Test
    void aPersonalFrameThatCannotBeRenderedEndsTheStreamSoItsClientReconnects() {
        Client client = new Client(NOW, ClientStream.PERSONAL);

        client.stream.offerPersonal(new PersonalFrame(() -> {
            throw new IllegalStateException("database unreachable");
        }));

        assertThat(client.text()).isEmpty();
        assertThat(client.stream.isClosed()).isTrue();
        assertThat(client.completions).isEqualTo(1);
    }

    private static PersonalFrame personal(long notificationId) {
        return new PersonalFrame(() -> new PersonalFrame.Rendered("<p>for bob: " + notificationId + "</p>",
                notificationId));
    }

    private void offer(Client client, long... seqs) {
        for (long seq : seqs) {
            client.stream.offer(frame(seq));
        }
    }

    private static EventFrame frame(long seq) {
        return new EventFrame(new BoardEvent(BOARD, seq, "TASK_EDITED", 1, null, 1, null, null, 0),
                (event, view) -> "<p>" + event.seq() + "</p>");
    }

    /** A sender pool that runs nothing until told: a client that doesn't read holds its sender back. */
    private static final class Sender implements Executor {

        private final List<Runnable> pending = new ArrayList<>();

        @Override
        public void execute(Runnable task) {
            pending.add(task);
        }

        void runAll() {
            while (!pending.isEmpty()) {
                pending.remove(0).run();
            }
        }
    }

    /** One browser and its stream; counts how often the stream reports itself closed. */
    private final class Client extends RecordingEmitter {

        private final ClientStream stream;
        private int closings;

        Client(Executor sender) {
            this(sender, BOARD);
        }

        Client(Executor sender, long board) {
            stream = new ClientStream(board, "bob", "session-1", PageView.unfiltered(true), this, CAPACITY, sender, metrics,
                    Clock.systemUTC(), closed -> closings++);
        }
    }
}
