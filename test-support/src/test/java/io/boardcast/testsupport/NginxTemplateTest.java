package io.boardcast.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NginxTemplateTest {

    @Test
    void fillsTheNamedPlaceholdersAndLeavesNginxVariablesAlone() {
        String config = NginxTemplate.render("listen ${HTTP_PORT};\nproxy_set_header Host $host;\n${UPSTREAMS}",
                Map.of("HTTP_PORT", "127.0.0.1:8080", "UPSTREAMS", "server a$1;"));

        assertThat(config).isEqualTo("listen 127.0.0.1:8080;\nproxy_set_header Host $host;\nserver a$1;");
    }

    @Test
    void anUnknownPlaceholderIsAnError() {
        assertThatThrownBy(() -> NginxTemplate.render("listen ${NOPE};", Map.of()))
                .hasMessageContaining("${NOPE}");
    }

    @Test
    void theUpstreamHeaderGoesAfterServerName() {
        assertThat(NginxTemplate.withUpstreamHeader("server {\n    server_name _;\n}\n"))
                .isEqualTo("server {\n    server_name _;\n    add_header X-Upstream $upstream_addr always;\n}\n");
        assertThatThrownBy(() -> NginxTemplate.withUpstreamHeader("server {\n}\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
