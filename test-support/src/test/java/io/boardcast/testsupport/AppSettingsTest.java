package io.boardcast.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AppSettingsTest {

    private final AppSettings settings = AppSettings.forRun("it", new TestDatabase("boardcast_it_1_2"));

    @Test
    void everyRedisKeyAndChannelOfARunIsUnderItsNamespace() {
        assertThat(settings.runId()).startsWith("it-");
        assertThat(settings.namespace()).isEqualTo("boardcast:" + settings.runId());
        assertThat(settings.properties()).containsEntry("boardcast.realtime.channel", settings.namespace() + ":events")
                .containsEntry("spring.session.redis.namespace", settings.namespace() + ":session")
                .containsEntry("boardcast.throttle.key-prefix", settings.namespace() + ":throttle");
        assertThat(settings.throttleKeyPrefix()).isEqualTo(settings.namespace() + ":throttle");
        assertThat(settings.properties().get("spring.datasource.url")).endsWith("/boardcast_it_1_2");
        assertThat(settings.properties()).containsEntry("boardcast.operator.username", AppSettings.OPERATOR);
    }

    @Test
    void aPropertyGivenAgainReplacesItsValueInsteadOfAddingASecond() {
        List<String> arguments = settings.redis("127.0.0.1", 7001)
                .with(List.of("--server.port=0", "boardcast.realtime.heartbeat-interval=5s", "server.port=8080"))
                .arguments();

        assertThat(arguments).filteredOn(a -> a.startsWith("--server.port=")).containsExactly("--server.port=8080");
        assertThat(arguments).filteredOn(a -> a.startsWith("--spring.data.redis.port="))
                .containsExactly("--spring.data.redis.port=7001");
        assertThat(arguments).endsWith("--boardcast.realtime.heartbeat-interval=5s", "--server.port=8080");
    }

    @Test
    void withLeavesTheOriginalAsItWas() {
        settings.with("server.port", "1");

        assertThat(settings.properties()).doesNotContainKey("server.port");
    }

    @Test
    void aPairWithoutANameIsRefused() {
        assertThatThrownBy(() -> settings.with(List.of("=x"))).isInstanceOf(IllegalArgumentException.class);
    }
}
