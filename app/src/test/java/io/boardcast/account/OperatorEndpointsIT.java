package io.boardcast.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.boardcast.support.PostgresWebIntegration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Health is for load balancers, anyone may ask; metrics are the operator's, behind HTTP Basic. */
class OperatorEndpointsIT extends PostgresWebIntegration {

    @Test
    void healthIsPublic() throws Exception {
        HttpResponse<String> health = get("/actuator/health", null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    }

    @Test
    void metricsAreRefusedToAnonymousVisitors() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/metrics/jvm.memory.used", null).statusCode()).isEqualTo(401);
    }

    @Test
    void metricsAreRefusedToSignedInUsersAndToAWrongPassword() throws Exception {
        String session = signedIn(fixtures.user("curious")).cookieHeader();

        HttpResponse<String> asUser = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).header("Cookie", session).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(asUser.statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", basic(OPERATOR_USERNAME, "not-the-password")).statusCode())
                .isEqualTo(401);
    }

    @Test
    void theOperatorReadsMetrics() throws Exception {
        HttpResponse<String> metrics = get("/actuator/prometheus", basic(OPERATOR_USERNAME, OPERATOR_PASSWORD));

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("boardcast_streams_open");
        assertThat(metrics.headers().allValues("Set-Cookie")).as("no session per scrape").isEmpty();
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }
}
