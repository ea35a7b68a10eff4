package io.boardcast.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * This instance's registry as plain Java: a log held in lists, members in a map, rendering without a database, and
 * executors that run at once (or, where order under concurrency is the point, real pools and Awaitility).
 */
class EmitterRegistryTest {

    private static final Executor NOW = Runnable::run;
    private static final long ONE = 1;
    private static final long TWO = 2;
    private static final long THREE = 3;
    /** Each event's fragment names its board and sequence, so a stream shows whose events it got. */
    private static final String FRAGMENT =
            "<p th:fragment=\"event\" th:text=\"|board ${board} event ${seq}${filter}|\"></p>";
    private static final String PERSONAL_FRAGMENT = "<p th:fragment=\"personal\" th:text=\"${text}\"></p>";
    private static final SpringTemplateEngine TEMPLATES = new SpringTemplateEngine();

    static {
        TEMPLATES.setTemplateResolver(new StringTemplateResolver());
    }

    private final MemoryLog log = new MemoryLog();
    private final Events events = new Events();
    private final Map<Long, Set<String>> members = new ConcurrentHashMap<>();
    private final RealtimeMetrics metrics = new RealtimeMetrics(new SimpleMeterRegistry());
    /** Queue of 16 per stream, replays of up to 8 events, 2 streams per session, 3 per user. */
    private final RealtimeProperties properties = properties(16);
    private final AtomicInteger personalRenders = new AtomicInteger();
    private EmitterRegistry registry = registry(properties, NOW, NOW);

    @Test
    void eventsOfInterleavedBoardsReachEachBoardsStreamsInThatBoardsOrderAndNoOthers() {
        Client oneEditor = open(ONE, "alice", 0);
        Client oneViewer = open(ONE, "bob", 0, false);
        Client two = open(TWO, "alice", 0);
        Client three = open(THREE, "carol", 0);
        commit(ONE, 3);
        commit(TWO, 3);
        commit(THREE, 2);

        publish(ONE, 1);
        publish(TWO, 1);
        publish(TWO, 2);
        publish(THREE, 1);
        publish(ONE, 2);
        publish(TWO, 3);
        publish(THREE, 2);
        publish(ONE, 3);

        assertThat(oneEditor.events()).containsExactly("board 1 event 1", "board 1 event 2", "board 1 event 3");
        assertThat(oneViewer.events()).containsExactly("board 1 event 1", "board 1 event 2", "board 1 event 3");
        assertThat(two.events()).containsExactly("board 2 event 1", "board 2 event 2", "board 2 event 3");
        assertThat(three.events()).containsExactly("board 3 event 1", "board 3 event 2");
    }

    @Test
    void eachViewOfABoardGetsTheEventRenderedForItselfOnceHoweverManyStreamsShareIt() {
        Client whole = open(ONE, "alice", 0);
        Client overdue = open(ONE, "bob", "session-bob", 0, new PageView(true, "due=overdue"));
        Client overdueToo = open(ONE, "carol", "session-carol", 0, new PageView(true, "due=overdue"));
        Client searching = open(ONE, "dave", "session-dave", 0, new PageView(false, "q=login"));
        commit(ONE, 1);

        publish(ONE, 1);

        await().untilAsserted(() -> assertThat(searching.events()).containsExactly("board 1 event 1 for q=login"));
        assertThat(whole.events()).containsExactly("board 1 event 1");
        assertThat(overdue.events()).containsExactly("board 1 event 1 for due=overdue");
        assertThat(overdueToo.events()).containsExactly("board 1 event 1 for due=overdue");
        assertThat(events.renders).containsOnly(entry(PageView.unfiltered(true), 1),
                entry(new PageView(true, "due=overdue"), 1), entry(new PageView(false, "q=login"), 1));
    }

    @Test
    void eachBoardKeepsItsOwnOrderWhenWorkersAndSendersRunConcurrently() {
        ExecutorService workers = Executors.newFixedThreadPool(4);
        ExecutorService senders = Executors.newCachedThreadPool();
        try {
            // Queues that hold every event: here no client is slow, so none may be closed for overflowing.
            registry = registry(properties(1000), workers, senders);
            List<Long> boards = List.of(ONE, TWO, THREE);
            Map<Long, Client> clients = new HashMap<>();
            boards.forEach(board -> clients.put(board, open(board, "alice-" + board, 0)));
            int events = 200;
            boards.forEach(board -> commit(board, events));

            for (int seq = 1; seq <= events; seq++) {
                for (long board : boards) {
                    if ((seq + board) % 7 != 0) {
                        // The bus loses every seventh message or so; the next one fills the gap from the log.
                        publish(board, seq);
                    }
                }
            }
            // The last message of a board may have been lost too; the sweep would catch up, here the bus repeats it.
            boards.forEach(board -> publish(board, events));

            for (long board : boards) {
                List<String> expected = LongStream.rangeClosed(1, events)
                        .mapToObj(seq -> "board " + board + " event " + seq).toList();
                await().atMost(Duration.ofSeconds(10))
                        .untilAsserted(() -> assertThat(clients.get(board).events()).isEqualTo(expected));
            }
            assertThat(clients.values()).allMatch(client -> client.completions == 0);
        } finally {
            workers.shutdownNow();
            senders.shutdownNow();
        }
    }

    @Test
    void aRepeatedOrLateMessageIsDropped() {
        Client client = open(ONE, "alice", 0);
        commit(ONE, 3);

        publish(ONE, 1);
        publish(ONE, 2);
        publish(ONE, 1);
        publish(ONE, 2);
        publish(ONE, 3);
        publish(ONE, 2);

        assertThat(client.ids()).containsExactly(1L, 2L, 3L);
        assertThat(log.reads).hasValue(0);
    }

    @Test
    void aLostMessageIsBackfilledFromTheLogBeforeTheOneAfterIt() {
        Client client = open(ONE, "alice", 0);
        commit(ONE, 4);

        publish(ONE, 1);
        publish(ONE, 4);

        assertThat(client.ids()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void aMessageAboutABoardNobodyWatchesHereIsIgnored() {
        Client client = open(ONE, "alice", 0);
        commit(TWO, 3);

        publish(TWO, 3);

        assertThat(client.ids()).isEmpty();
        assertThat(log.reads).hasValue(0);
    }

    @Test
    void aReconnectingClientReplaysWhatItMissedFromTheLogThenGoesLive() {
        commit(ONE, 5);

        Client client = open(ONE, "alice", 2);
        commit(ONE, 6);
        publish(ONE, 6);

        assertThat(client.ids()).containsExactly(3L, 4L, 5L, 6L);
    }

    @Test
    void aClientWithoutALastEventIdStartsFromTheLatestCommittedEvent() {
        commit(ONE, 5);

        Client client = open(ONE, "alice", EmitterRegistry.FROM_NOW);
        commit(ONE, 6);
        publish(ONE, 6);

        assertThat(client.ids()).containsExactly(6L);
    }

    @Test
    void anIdTheDatabaseNeverIssuedGetsAResyncToTheLatestCommittedEvent() {
        commit(ONE, 3);

        Client client = open(ONE, "alice", 10);
        commit(ONE, 4);
        publish(ONE, 4);

        assertThat(client.text()).contains("id:3\nevent:resync\ndata:resync");
        assertThat(client.ids()).isEmpty();
        assertThat(client.completions).isEqualTo(1);
    }

    @Test
    void aClientFurtherBehindThanTheReplayWindowGetsAResync() {
        commit(ONE, 20);

        Client client = open(ONE, "alice", 20 - properties.replayWindow() - 1);

        assertThat(client.text()).contains("id:20\nevent:resync\ndata:resync");
        assertThat(client.ids()).isEmpty();
        assertThat(client.completions).isEqualTo(1);
    }

    @Test
    void aReplayThatCannotReadTheLogEndsTheStreamSoTheClientTriesAgain() {
        commit(ONE, 5);
        Client live = open(ONE, "alice", EmitterRegistry.FROM_NOW);
        log.down = true;

        Client behind = open(ONE, "bob", 2);

        assertThat(behind.completions).isEqualTo(1);
        assertThat(behind.ids()).isEmpty();
        log.down = false;
        commit(ONE, 6);
        publish(ONE, 6);
        assertThat(live.ids()).containsExactly(6L);
        assertThat(behind.ids()).isEmpty();
    }

    @Test
    void aSessionMayOpenOnlyAsManyStreamsAsItsCapUntilOneCloses() {
        Client first = open(ONE, "alice", "tab-session", 0);
        open(TWO, "alice", "tab-session", 0);

        assertThatThrownBy(() -> open(THREE, "alice", "tab-session", 0))
                .isInstanceOf(StreamLimits.TooManyStreams.class);
        first.disconnect();
        Client third = open(THREE, "alice", "tab-session", 0);

        assertThat(third.text()).contains(":live");
    }

    @Test
    void aUserMayOpenOnlyAsManyStreamsAsTheirCapOverAllTheirSessionsUntilOneCloses() {
        Client first = open(ONE, "alice", "laptop", 0);
        open(ONE, "alice", "laptop", 0);
        open(ONE, "alice", "phone", 0);

        assertThatThrownBy(() -> open(ONE, "alice", "tablet", 0)).isInstanceOf(StreamLimits.TooManyStreams.class);
        open(ONE, "bob", "desktop", 0);
        first.disconnect();
        open(ONE, "alice", "tablet", 0);
    }

    @Test
    void aClosedStreamHearsNothingMore() {
        Client leaving = open(ONE, "alice", 0);
        Client staying = open(ONE, "bob", 0);
        commit(ONE, 2);
        publish(ONE, 1);

        leaving.disconnect();
        publish(ONE, 2);

        assertThat(leaving.ids()).containsExactly(1L);
        assertThat(staying.ids()).containsExactly(1L, 2L);
    }

    @Test
    void aStreamEndedByAResyncGivesBackItsPlace() {
        commit(ONE, 3);
        open(ONE, "alice", "tab-session", 10);
        open(ONE, "alice", "tab-session", 10);

        open(ONE, "alice", "tab-session", 0);
    }

    @Test
    void theSweepEndsTheStreamsOfPeopleWhoAreNoLongerMembers() {
        Client alice = open(ONE, "alice", 0);
        Client bob = open(ONE, "bob", 0);
        Client bobElsewhere = open(TWO, "bob", 0);
        members.get(ONE).remove("bob");

        registry.sweep();
        commit(ONE, 1);
        publish(ONE, 1);

        assertThat(bob.completions).isEqualTo(1);
        assertThat(bob.ids()).isEmpty();
        assertThat(bobElsewhere.completions).isZero();
        assertThat(alice.completions).isZero();
        assertThat(alice.ids()).containsExactly(1L);
    }

    @Test
    void theSweepDeliversWhatTheBusNeverCarried() {
        Client one = open(ONE, "alice", 0);
        Client two = open(TWO, "alice", 0);
        commit(ONE, 3);
        commit(TWO, 2);

        registry.sweep();

        assertThat(one.ids()).containsExactly(1L, 2L, 3L);
        assertThat(two.ids()).containsExactly(1L, 2L);
        assertThat(one.events()).allMatch(event -> event.startsWith("board 1 "));
        assertThat(two.events()).allMatch(event -> event.startsWith("board 2 "));
    }

    @Test
    void aBoardIsWatchedFromItsFirstStreamUntilTheSweepRetiresItsIdleFeed() {
        List<Set<Long>> told = new CopyOnWriteArrayList<>();
        registry.onWatchedBoardsChanged(() -> told.add(registry.watchedBoards()));

        Client first = open(ONE, "alice", 0);
        Client second = open(ONE, "bob", 0);
        open(TWO, "alice", 0);
        first.disconnect();
        second.disconnect();
        registry.sweep();

        assertThat(told).containsExactly(Set.of(ONE), Set.of(ONE, TWO), Set.of(TWO));
        assertThat(registry.watchedBoards()).containsExactly(TWO);
    }

    @Test
    void aBoardCaughtUpLaterGetsWhatTheBusDidNotCarryBeforeItsSubscriptionAndOtherBoardsNothing() {
        Client one = open(ONE, "alice", 0);
        Client two = open(TWO, "alice", 0);
        commit(ONE, 2);
        commit(TWO, 2);

        registry.catchUpLater(ONE);

        assertThat(one.ids()).containsExactly(1L, 2L);
        assertThat(two.ids()).isEmpty();
    }

    @Test
    void aBoardWatchedAgainAfterTheSweepRetiredItsFeedStartsFromTheLog() {
        open(ONE, "alice", 0).disconnect();
        registry.sweep();
        commit(ONE, 3);

        Client back = open(ONE, "alice", 1);

        assertThat(back.ids()).containsExactly(2L, 3L);
    }

    @Test
    void aHeartbeatReachesEveryStreamOfEveryBoard() {
        List<Client> clients = List.of(open(ONE, "alice", 0), open(ONE, "bob", 0), open(TWO, "alice", 0));

        registry.heartbeat();

        assertThat(clients).allMatch(client -> client.text().endsWith(":heartbeat\n\n"));
    }

    @Test
    void shutdownEndsEveryStreamAtOnceAndEndsNewOnesAsTheyOpen() {
        List<Client> clients = List.of(open(ONE, "alice", 0), open(ONE, "bob", 0), open(TWO, "alice", 0));

        registry.shutdown();
        Client late = open(TWO, "carol", 0);

        assertThat(clients).allMatch(client -> client.completions == 1);
        assertThat(late.completions).isEqualTo(1);
        assertThat(late.text()).isEmpty();
    }

    @Test
    void aPersonalEventReachesEveryStreamOfItsUserWhateverTheyWatchAndNobodyElses() {
        Client aliceOnOne = open(ONE, "alice", 0);
        Client aliceOnTwo = open(TWO, "alice", 0);
        Client alicesList = openPersonal("alice", "session-alice-2", 40);
        Client bobOnOne = open(ONE, "bob", 0);
        Client bobsList = openPersonal("bob", "session-bob-2", 40);

        registry.accept(new PersonalEvent("alice", 42, 0));

        assertThat(aliceOnOne.personal()).containsExactly("personal alice 42");
        assertThat(aliceOnTwo.personal()).containsExactly("personal alice 42");
        assertThat(alicesList.personal()).containsExactly("bell of alice after 40, 5 at most", "personal alice 42");
        assertThat(bobOnOne.personal()).isEmpty();
        assertThat(bobsList.personal()).containsExactly("bell of bob after 40, 5 at most");
        assertThat(personalRenders).hasValue(3); // the event once, each personal stream's catch-up once
    }

    @Test
    void personalFramesCarryNoIdOnABoardStreamSoItsSequenceStaysTheBoards() {
        Client client = open(ONE, "alice", 0);
        commit(ONE, 3);

        publish(ONE, 1);
        registry.accept(new PersonalEvent("alice", 42, 0));
        publish(ONE, 2);
        registry.accept(new PersonalEvent("alice", 43, 0));
        publish(ONE, 3);

        assertThat(client.ids()).containsExactly(1L, 2L, 3L);
        assertThat(client.text()).contains("data:<p>board 1 event 1</p>\n\nevent:personal\ndata:<p>personal alice 42"
                + "</p>\n\nid:2\n").doesNotContain("id:42", "id:43");
    }

    @Test
    void aPersonalStreamResumesAfterTheLastNotificationItSawAndCarriesItsIds() {
        Client fresh = openPersonal("alice", "tab-1", EmitterRegistry.FROM_NOW);
        Client back = openPersonal("alice", "tab-2", 40);

        registry.accept(new PersonalEvent("alice", 43, 0));

        assertThat(fresh.text()).startsWith("retry:1000\n:live\n\nevent:personal\ndata:<p>bell of alice after 0,"
                + " 0 at most</p>\n\nid:43\nevent:personal\n");
        // The catch-up names the newest notification it showed (two came after 40 here).
        assertThat(back.text()).contains("id:42\nevent:personal\ndata:<p>bell of alice after 40, 5 at most</p>",
                "id:43\nevent:personal\ndata:<p>personal alice 43</p>");
    }

    @Test
    void personalStreamsCountAgainstTheCapsGetHeartbeatsAndEndAtShutdown() {
        Client board = open(ONE, "alice", "tab-session", 0);
        Client list = openPersonal("alice", "tab-session", 0);

        assertThatThrownBy(() -> openPersonal("alice", "tab-session", 0))
                .isInstanceOf(StreamLimits.TooManyStreams.class);
        registry.heartbeat();
        assertThat(List.of(board, list)).allMatch(client -> client.text().endsWith(":heartbeat\n\n"));

        registry.shutdown();
        assertThat(List.of(board, list)).allMatch(client -> client.completions == 1);
        assertThat(openPersonal("carol", "late", 0).completions).isEqualTo(1);
    }

    @Test
    void aClosedStreamHearsNoPersonalEventsAndGivesBackItsPlace() {
        Client leaving = openPersonal("alice", "tab-session", 0);
        Client boardTab = open(ONE, "alice", "tab-session", 0);

        leaving.disconnect();
        boardTab.disconnect();
        registry.accept(new PersonalEvent("alice", 42, 0));

        assertThat(leaving.personal()).hasSize(1); // its catch-up only
        assertThat(boardTab.personal()).isEmpty();
        openPersonal("alice", "tab-session", 0);
        openPersonal("alice", "tab-session", 0);
    }

    @Test
    void listenersHearABoardStreamOpenWithItsPageAndTaskAndCloseOnceButNothingOfPersonalOrResyncedStreams() {
        List<String> heard = new CopyOnWriteArrayList<>();
        StreamListener listener = new StreamListener() {
            @Override
            public void opened(OpenStream stream) {
                heard.add("opened " + stream.username() + " " + stream.page() + " " + stream.taskId());
            }

            @Override
            public void closed(OpenStream stream) {
                heard.add("closed " + stream.username() + " " + stream.page());
            }
        };
        FragmentRenderer renderer = new FragmentRenderer(TEMPLATES, new RecordingTransactions(), List.of(events));
        registry = new EmitterRegistry(log, new Members(), renderer, personalFrames(), properties, metrics, NOW, NOW,
                Clock.systemUTC(), List.of(listener));
        members.computeIfAbsent(ONE, id -> ConcurrentHashMap.newKeySet()).add("alice");
        commit(ONE, 20);

        Client taskPage = new Client();
        registry.open(ONE, "alice", "session-alice", PageView.task(true), 20, taskPage, "page-of-alice", 7);
        Client tooFarBehind = new Client();
        registry.open(ONE, "alice", "session-alice", PageView.unfiltered(true), 1, tooFarBehind, "another-page", 0);
        openPersonal("alice", "session-alice", 0).disconnect();
        taskPage.disconnect();
        taskPage.disconnect();
        registry.heartbeat();

        assertThat(heard).containsExactly("opened alice page-of-alice 7", "closed alice page-of-alice");
    }

    @Test
    void aSignalReachesTheBoardsPagesOnlyNotStreamsThatNameNoPageNorOtherBoards() {
        SignalRenderer whoIsHere = new SignalRenderer() {
            @Override
            public Set<String> kinds() {
                return Set.of("PRESENCE");
            }

            @Override
            public void render(long boardId, String kind, String payload, PushedFragments fragments) {
                fragments.add(PERSONAL_FRAGMENT, "personal", Map.of("text", "here on " + boardId));
            }
        };
        FragmentRenderer renderer = new FragmentRenderer(TEMPLATES, new RecordingTransactions(), List.of(events),
                List.of(), List.of(whoIsHere));
        registry = new EmitterRegistry(log, new Members(), renderer, personalFrames(), properties, metrics, NOW, NOW,
                Clock.systemUTC(), List.of());
        members.computeIfAbsent(ONE, id -> ConcurrentHashMap.newKeySet()).addAll(Set.of("alice", "bob"));
        members.computeIfAbsent(TWO, id -> ConcurrentHashMap.newKeySet()).add("alice");
        Client page = new Client();
        registry.open(ONE, "alice", "session-alice", PageView.unfiltered(true), 0, page, "page-of-alice", 0);
        Client script = new Client();
        registry.open(ONE, "bob", "session-bob", PageView.unfiltered(true), 0, script, null, 0);
        Client otherBoard = new Client();
        registry.open(TWO, "alice", "session-alice", PageView.unfiltered(true), 0, otherBoard, "other-page", 0);

        registry.accept(new SignalEvent(ONE, "PRESENCE", "", 0));

        assertThat(page.text()).contains("event:signal\ndata:<p>here on 1</p>");
        assertThat(script.text()).doesNotContain("event:signal");
        assertThat(otherBoard.text()).doesNotContain("event:signal");
    }

    private static RealtimeProperties properties(int queueCapacity) {
        return new RealtimeProperties(Duration.ofSeconds(15), Duration.ofMinutes(30), queueCapacity, 8, 1_000_000, 2,
                3, Duration.ofSeconds(5), Duration.ofSeconds(1), "board-events", 100);
    }

    private EmitterRegistry registry(RealtimeProperties properties, Executor worker, Executor sender) {
        FragmentRenderer renderer = new FragmentRenderer(TEMPLATES, new RecordingTransactions(), List.of(events));
        return new EmitterRegistry(log, new Members(), renderer, personalFrames(), properties, metrics, sender, worker,
                Clock.systemUTC());
    }

    private PersonalFrames personalFrames() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("personal", new Personal()));
        return new PersonalFrames(TEMPLATES, new RecordingTransactions(), beans.getBeanProvider(PersonalRenderer.class));
    }

    private Client openPersonal(String username, String sessionId, long lastNotificationId) {
        Client client = new Client();
        registry.openPersonal(username, sessionId, lastNotificationId, client);
        return client;
    }

    private void commit(long board, long upTo) {
        log.commit(board, upTo);
    }

    /** The bus hands the registry a committed event. */
    private void publish(long board, long seq) {
        registry.accept(log.event(board, seq));
    }

    private Client open(long board, String username, long lastEventId) {
        return open(board, username, lastEventId, true);
    }

    private Client open(long board, String username, long lastEventId, boolean canEdit) {
        return open(board, username, "session-" + username, lastEventId, canEdit);
    }

    private Client open(long board, String username, String sessionId, long lastEventId) {
        return open(board, username, sessionId, lastEventId, true);
    }

    private Client open(long board, String username, String sessionId, long lastEventId, boolean canEdit) {
        return open(board, username, sessionId, lastEventId, PageView.unfiltered(canEdit));
    }

    private Client open(long board, String username, String sessionId, long lastEventId, PageView view) {
        members.computeIfAbsent(board, id -> ConcurrentHashMap.newKeySet()).add(username);
        Client client = new Client();
        registry.open(board, username, sessionId, view, lastEventId, client);
        return client;
    }

    /** The boards' logs in memory; can be made unreachable. */
    private static final class MemoryLog implements EmitterRegistry.Log {

        private final Map<Long, List<BoardEvent>> boards = new ConcurrentHashMap<>();
        private final AtomicInteger reads = new AtomicInteger();
        private volatile boolean down;

        void commit(long board, long upTo) {
            List<BoardEvent> events = boards.computeIfAbsent(board, id -> new CopyOnWriteArrayList<>());
            for (long seq = events.size() + 1; seq <= upTo; seq++) {
                events.add(new BoardEvent(board, seq, "TASK_EDITED", 1, null, 1, null, null, 0));
            }
        }

        BoardEvent event(long board, long seq) {
            return boards.get(board).get((int) seq - 1);
        }

        @Override
        public long lastSeq(long boardId) {
            return boards.getOrDefault(boardId, List.of()).size();
        }

        @Override
        public Map<Long, Long> lastSeqs(Collection<Long> boardIds) {
            Map<Long, Long> seqs = new HashMap<>();
            boardIds.stream().filter(boards::containsKey).forEach(id -> seqs.put(id, lastSeq(id)));
            return seqs;
        }

        @Override
        public List<BoardEvent> between(long boardId, long afterSeq, long toSeq) {
            if (down) {
                throw new IllegalStateException("database unreachable");
            }
            reads.incrementAndGet();
            return boards.getOrDefault(boardId, List.of()).stream()
                    .filter(event -> event.seq() > afterSeq && event.seq() <= toSeq).toList();
        }
    }

    private final class Members implements ViewerAccess {

        @Override
        public Optional<Boolean> canEdit(long boardId, String username) {
            return members(boardId).contains(username) ? Optional.of(true) : Optional.empty();
        }

        @Override
        public Set<String> members(long boardId) {
            return new HashSet<>(members.getOrDefault(boardId, Set.of()));
        }
    }

    /** A module's renderer for its one kind: a paragraph naming the event. */
    private static final class Events implements EventRenderer {

        /** How often each view was rendered. */
        final Map<PageView, Integer> renders = new ConcurrentHashMap<>();

        @Override
        public Set<String> kinds() {
            return Set.of("TASK_EDITED");
        }

        @Override
        public void render(BoardEvent event, PageView view, PushedFragments fragments) {
            renders.merge(view, 1, Integer::sum);
            fragments.add(FRAGMENT, "event", Map.of("board", event.boardId(), "seq", event.seq(),
                    "filter", view.filtered() ? " for " + view.filter() : ""));
        }
    }

    /** Personal events as a paragraph naming them; the catch-up says what it was asked and claims two newer ones. */
    private final class Personal implements PersonalRenderer {

        @Override
        public void render(String username, long notificationId, PushedFragments fragments) {
            personalRenders.incrementAndGet();
            fragments.add(PERSONAL_FRAGMENT, "personal", Map.of("text", "personal " + username + " " + notificationId));
        }

        @Override
        public long catchUp(String username, long afterId, int max, PushedFragments fragments) {
            personalRenders.incrementAndGet();
            fragments.add(PERSONAL_FRAGMENT, "personal",
                    Map.of("text", "bell of " + username + " after " + afterId + ", " + max + " at most"));
            return max == 0 ? afterId : afterId + 2;
        }
    }

    /** One browser, whose pushed fragments here are {@code <p>name</p>}. */
    private static final class Client extends RecordingEmitter {

        private static final Pattern PERSONAL = Pattern.compile("event:personal\ndata:<p>([^<]*)</p>");

        /** The personal events' text, in order. */
        List<String> personal() {
            List<String> found = new ArrayList<>();
            Matcher matcher = PERSONAL.matcher(text());
            while (matcher.find()) {
                found.add(matcher.group(1));
            }
            return found;
        }

        /** The fragments pushed, in order. */
        List<String> events() {
            return data().stream().map(data -> data.replaceAll("^<p>|</p>$", "")).toList();
        }
    }
}
