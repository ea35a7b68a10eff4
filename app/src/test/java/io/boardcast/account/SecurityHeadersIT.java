package io.boardcast.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.boardcast.support.PostgresWebIntegration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class SecurityHeadersIT extends PostgresWebIntegration {

    @Test
    void pagesAllowScriptsAndStylesFromThisSiteOnlyAndNoInlineScript() throws Exception {
        HttpHeaders headers = get("/login").headers();

        String policy = headers.firstValue("Content-Security-Policy").orElse("");
        assertThat(policy).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
                "frame-ancestors 'none'", "form-action 'self'");
        assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval");
    }

    @Test
    void pagesTellBrowsersToSendTheReferrerOnlyWithinThisSite() throws Exception {
        assertThat(get("/login").headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
