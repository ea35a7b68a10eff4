package io.boardcast.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.boardcast.support.Fixtures.Team;
import io.boardcast.support.Fixtures;
import io.boardcast.support.Instance;
import io.boardcast.testsupport.SseClient;
import io.boardcast.testsupport.WebSession;
import java.time.Duration;
import java.util.Map;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.TomcatWebServer;

/**
 * Tomcat as the app configures it: the small buffers an idle event stream keeps (bench/results/stream-memory-*.md:
 * Tomcat's own sizes were most of its heap), through which events of any size still go.
 */
class TomcatBuffersIT {

    private static Instance instance;

    @BeforeAll
    static void start() {
        instance = Instance.start("postgres");
    }

    @AfterAll
    static void stop() {
        Instance.closeAll(instance);
    }

    @Test
    void eachConnectionAndResponseStartsWithSmallBuffers() {
        TomcatBufferProperties configured = instance.bean(TomcatBufferProperties.class);
        Connector connector = ((TomcatWebServer) instance.webServer()).getTomcat().getConnector();

        assertThat(connector.getProtocolHandler()).isInstanceOfSatisfying(TomcatStreamProtocol.class,
                protocol -> assertThat(protocol.getDesiredBufferSize()).isEqualTo(1024)
                        .isEqualTo(configured.responseBufferSize()));
        assertThat(connector.getProperty("socket.appReadBufSize")).hasToString("2048");
        assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString("2048");
    }

    @Test
    void eventStreamsStillDeliverEventsLargerThanTheirBuffers() {
        Fixtures fixtures = instance.fixtures();
        Team team = fixtures.team();
        for (int i = 0; i < 10; i++) {
            fixtures.task(team.boardId(), team.editor(), "Card " + i + " " + "x".repeat(190));
        }
        WebSession viewer = WebSession.newBrowser(instance.baseUrl()).signIn(team.viewer(), Fixtures.PASSWORD);
        WebSession editor = WebSession.newBrowser(instance.baseUrl()).signIn(team.editor(), Fixtures.PASSWORD);
        try (SseClient stream = SseClient.open(viewer, team.boardPath() + "/events", null)) {
            // A renamed column pushes the board's whole body.
            editor.post(team.boardPath() + "/columns/" + team.columns().get(0), Map.of("name", "Renamed", "version", "0"));

            SseClient.Frame frame = stream.next(Duration.ofSeconds(10));
            assertThat(frame.data()).contains("Renamed", "Card 9 ");
            assertThat(frame.data().length()).isGreaterThan(2048 + 1024);
        }
    }
}
