package io.boardcast.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.boardcast.e2e.User.ALICE;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import io.boardcast.testsupport.AppProcess;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sessions live in Redis: round-robin may send each of alice's requests to another instance. */
@ExtendWith(E2eExtension.class)
class SharedSessionE2E {

    @Test
    void aliceStaysSignedInWhileRoundRobinSendsHerPagesToBothInstances(Stage stage) {
        Visitor alice = stage.signIn(ALICE);
        Set<String> servedHerPages = ConcurrentHashMap.newKeySet();
        alice.context().onResponse(response -> recordUpstream(response, servedHerPages));
        Set<String> everyInstance = stage.cluster().instances().stream().map(AppProcess::address)
                .collect(Collectors.toSet());
        Page page = alice.context().newPage();

        await("both instances served alice a page (seen: " + servedHerPages + ")")
                .atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    page.navigate(alice.baseUrl() + "/boards");
                    assertThat(page.locator(".who strong")).hasText("alice");
                    if (servedHerPages.containsAll(everyInstance)) {
                        return true;
                    }
                    // A page and its scripts and styles can be an even number of requests, and then round-robin
                    // sends every page to the same instance: one more request shifts the turn.
                    alice.context().request().get(alice.baseUrl() + "/login");
                    return false;
                });

        // A form post (CSRF token from the session) and the page it redirects to, wherever each one lands.
        page.getByLabel("Name").fill("Round robin");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create board")).click();
        assertThat(page).hasURL(Pattern.compile(".*/boards/\\d+$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Round robin");
        assertThat(page.locator(".who strong")).hasText("alice");
    }

    /** nginx names the instance in X-Upstream; only whole pages count, not their scripts and styles. */
    private static void recordUpstream(Response response, Set<String> upstreams) {
        String upstream = response.headerValue("x-upstream");
        if (upstream != null && response.request().isNavigationRequest()) {
            upstreams.add(upstream);
        }
    }
}
