package io.boardcast.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.boardcast.support.Fixtures.Team;
import io.boardcast.support.Fixtures;
import io.boardcast.support.Instance;
import io.boardcast.testsupport.SseClient.Frame;
import io.boardcast.testsupport.SseClient;
import io.boardcast.testsupport.WebSession;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Clients that read nothing, and instances that stop: neither may hold anybody else up. */
class SlowAndStoppingClientsIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static Instance instance;

    @BeforeAll
    static void start() {
        // A small pool that gives up quickly: a stream holding a connection would show at once.
        instance = Instance.start("postgres", "boardcast.realtime.queue-capacity=8", "boardcast.realtime.replay-window=4",
                "boardcast.realtime.heartbeat-interval=200ms", "spring.datasource.hikari.maximum-pool-size=3",
                "spring.datasource.hikari.connection-timeout=1000");
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
    }

    @Test
    void stalledClientDoesNotDelayDeliveryToTheOthers() throws IOException {
        Fixtures fixtures = instance.fixtures();
        Team team = fixtures.team();
        // Wide cards, and column renames, which push the board's whole body: each event is large, so a client that
        // reads nothing fills its socket quickly.
        IntStream.range(0, 80).forEach(i -> fixtures.task(team.boardId(), team.editor(), i + " " + "x".repeat(190)));
        WebSession viewer = WebSession.newBrowser(instance.baseUrl()).signIn(team.viewer(), Fixtures.PASSWORD);
        WebSession editor = WebSession.newBrowser(instance.baseUrl()).signIn(team.editor(), Fixtures.PASSWORD);
        double overflowsBefore = instance.counter("boardcast.streams.overflows");

        try (Socket stalled = openWithoutReading(viewer, team.boardPath() + "/events");
                SseClient healthy = SseClient.open(viewer, team.boardPath() + "/events", null)) {
            await().atMost(WAIT).until(() -> instance.gauge("boardcast.streams.open") >= 2);
            long first = instance.bean(EventLog.class).lastSeq(team.boardId()) + 1;
            for (int i = 0; i < 80; i++) {
                editor.post(team.boardPath() + "/columns/" + team.columns().get(0),
                        Map.of("name", "To do " + i, "version", Integer.toString(i)));
            }

            List<Frame> received = healthy.next(80, WAIT);

            assertThat(received).extracting(Frame::id).containsExactly(
                    IntStream.range(0, 80).mapToObj(i -> Long.toString(first + i)).toArray(String[]::new));
            assertThat(instance.counter("boardcast.streams.overflows")).isGreaterThan(overflowsBefore);
            assertThat(stalled.isClosed()).isFalse();
        }
    }

    @Test
    void openStreamsHoldNoDatabaseConnections() {
        Team team = instance.fixtures().team();
        WebSession viewer = WebSession.newBrowser(instance.baseUrl()).signIn(team.viewer(), Fixtures.PASSWORD);

        List<SseClient> streams = IntStream.range(0, 8)
                .mapToObj(i -> SseClient.open(viewer, team.boardPath() + "/events", null)).toList();
        try {
            assertThat(streams).extracting(SseClient::status).containsOnly(200);
            assertThat(viewer.get(team.boardPath()).status()).isEqualTo(200);
            instance.fixtures().task(team.boardId(), team.editor(), "Still writable");
            assertThat(streams.get(7).next(WAIT).data()).contains("Still writable");
        } finally {
            streams.forEach(SseClient::close);
        }
    }

    @Test
    void stoppingAnInstanceEndsItsStreamsAtOnceSoClientsMoveOn() {
        Instance stopping = Instance.start("postgres");
        Team team = stopping.fixtures().team();
        WebSession viewer = WebSession.newBrowser(stopping.baseUrl()).signIn(team.viewer(), Fixtures.PASSWORD);
        SseClient stream = SseClient.open(viewer, team.boardPath() + "/events", null);
        await().atMost(WAIT).until(() -> stopping.gauge("boardcast.streams.open") == 1);

        Thread closer = new Thread(stopping::close);
        closer.start();

        // Well inside the 10 s graceful-shutdown phase: the stream was ended, not waited out.
        await().atMost(Duration.ofSeconds(5)).until(stream::hasEnded);
        await().atMost(Duration.ofSeconds(5)).until(() -> !closer.isAlive());
        stream.close();
    }

    /** An event-stream request from a client with a tiny receive buffer that never reads the response. */
    private static Socket openWithoutReading(WebSession user, String path) throws IOException {
        URI uri = user.uri(path);
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()));
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nAccept: text/event-stream\r\nCookie: " + user.cookieHeader() + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }
}
