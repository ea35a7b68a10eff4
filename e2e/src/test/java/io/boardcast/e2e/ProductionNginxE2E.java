package io.boardcast.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.options.RequestOptions;
import io.boardcast.testsupport.Ports;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The nginx template as docker-compose.yml renders it, in front of this run's instances: plain HTTP only redirects to
 * TLS, TLS responses carry HSTS, and no response names an upstream. The suite's own proxy (plain HTTP serving the
 * app, X-Upstream added) is the same template with the other settings.
 */
@ExtendWith(E2eExtension.class)
class ProductionNginxE2E {

    @Test
    void plainHttpRedirectsToTlsWhichSendsHstsAndNoUpstreamName(Stage stage) throws Exception {
        int httpPort = Ports.free();
        int tlsPort = Ports.free();
        try (NginxProxy production = new NginxProxy(stage.settings(), Files.createTempDirectory("boardcast-e2e-prod-"),
                new NginxProxy.Listeners(httpPort, tlsPort), true).start(stage.cluster().instances())) {
            APIRequestContext http = stage.newContext(new Browser.NewContextOptions().setIgnoreHTTPSErrors(true))
                    .request();
            RequestOptions noRedirects = RequestOptions.create().setMaxRedirects(0);

            APIResponse plain = http.get(production.httpUrl() + "/boards?x=1", noRedirects);
            APIResponse secure = http.get(production.tlsUrl() + "/login", noRedirects);

            assertAll(
                    () -> assertEquals(301, plain.status()),
                    () -> assertEquals("https://127.0.0.1:" + tlsPort + "/boards?x=1", plain.headers().get("location")),
                    () -> assertNull(plain.headers().get("strict-transport-security"), "no HSTS over plain HTTP"),
                    () -> assertEquals(200, secure.status()),
                    () -> assertEquals("max-age=31536000", secure.headers().get("strict-transport-security")),
                    () -> assertNull(secure.headers().get("x-upstream"), "production names no upstream"));
        }
    }

    @Test
    void theSuitesOwnProxyServesPlainHttpAndNamesTheUpstream(Stage stage) {
        APIResponse plain = stage.newContext(new Browser.NewContextOptions()).request()
                .get(stage.cluster().httpUrl() + "/login", RequestOptions.create().setMaxRedirects(0));

        assertAll(
                () -> assertEquals(200, plain.status()),
                () -> assertEquals(true, plain.headers().containsKey("x-upstream")),
                () -> assertNull(plain.headers().get("strict-transport-security")));
    }
}
