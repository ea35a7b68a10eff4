package io.boardcast.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The parser against a real HTTP server in this JVM, answering with the framing the app and browsers use. */
class SseClientTest {

    private HttpServer server;
    private volatile String body;

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/boards/7/events", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void framesCarryTheirIdNameAndDataAndCommentsAreCountedNotKept() throws Exception {
        body = ":live\nretry:1000\n\nid:1\nevent:board\ndata:<li id=\"task-1\">\ndata:</li>\n\n: heartbeat\n\r\n"
                + "id: 2\r\nevent: resync\r\ndata: resync\r\n\r\ndata:no id\n\n";

        SseClient client = SseClient.open(HttpClient.newHttpClient(), SseClient.request(baseUrl(), 7, "c", "0").build());

        assertThat(client.awaitEnd(Duration.ofSeconds(10))).isTrue();
        assertThat(client.status()).isEqualTo(200);
        assertThat(client.comments()).isEqualTo(2);
        assertThat(client.frames()).extracting(SseClient.Frame::id, SseClient.Frame::event, SseClient.Frame::data)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1", "board", "<li id=\"task-1\">\n</li>"),
                        org.assertj.core.groups.Tuple.tuple("2", "resync", "resync"),
                        org.assertj.core.groups.Tuple.tuple(null, "message", "no id"));
        assertThat(client.seqs("board")).containsExactly(1L);
    }

    @Test
    void keepingNothingStillHandsEveryFrameToTheListenerWithItsFirstDataLine() throws Exception {
        body = ":live\n\nid:5\nevent:board\ndata:first\ndata:second\n\n";
        CountDownLatch ended = new CountDownLatch(1);
        StringBuilder seen = new StringBuilder();

        SseClient client = SseClient.open(HttpClient.newHttpClient(), SseClient.request(baseUrl(), 7, "c", null).build(),
                SseClient.Keep.NOTHING, new SseClient.Listener() {
                    @Override
                    public void frame(SseClient.Frame frame) {
                        seen.append(frame.seq()).append('=').append(frame.data());
                    }

                    @Override
                    public void ended(SseClient c) {
                        ended.countDown();
                    }
                });

        assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).hasToString("5=first");
        assertThat(client.frames()).isEmpty();
    }

    @Test
    void aRefusedStreamIsNotOpenAndSaysWhy() throws Exception {
        body = "";
        server.removeContext("/boards/7/events");
        server.createContext("/boards/7/events", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });

        SseClient client = SseClient.open(HttpClient.newHttpClient(), SseClient.request(baseUrl(), 7, "c", "abc").build());

        assertThat(client.awaitOpen(Duration.ofSeconds(10))).isFalse();
        assertThat(client.status()).isEqualTo(404);
    }

    @Test
    void openedThroughASessionItKnowsItsStatusAndHandsOutFramesInOrder() {
        body = ":live\n\nid:1\nevent:board\ndata:one\n\nid:2\nevent:board\ndata:two\n\n";

        try (SseClient client = SseClient.open(WebSession.newBrowser(baseUrl()), "/boards/7/events", "0")) {
            assertThat(client.status()).isEqualTo(200);
            assertThat(client.next(Duration.ofSeconds(10)).data()).isEqualTo("one");
            assertThat(client.next(1, Duration.ofSeconds(10))).extracting(SseClient.Frame::seq).containsExactly(2L);
            assertThat(client.pending()).isZero();
            assertThatThrownBy(() -> client.next(Duration.ofMillis(200))).isInstanceOf(AssertionError.class);
        }
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
