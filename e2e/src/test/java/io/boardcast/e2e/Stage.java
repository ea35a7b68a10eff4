package io.boardcast.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Tracing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One test's view of the harness: it hands out browser contexts (each traced, so a failure can be replayed) and
 * closes them when the test ends.
 */
final class Stage {

    private final Harness harness;
    private final List<BrowserContext> contexts = new ArrayList<>();
    private boolean tracingStopped;

    Stage(Harness harness) {
        this.harness = harness;
    }

    Cluster cluster() {
        return harness.cluster();
    }

    E2eSettings settings() {
        return harness.settings();
    }

    /** Signed in through nginx's plain HTTP listener. */
    Visitor signIn(User user) {
        return Visitor.signIn(user, newContext(new Browser.NewContextOptions()), cluster().httpUrl(),
                cluster().httpUrl());
    }

    /** Signed in through nginx's plain HTTP listener, in a browser with JavaScript switched off. */
    Visitor signInWithoutJavaScript(User user) {
        return Visitor.signIn(user, newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false)),
                cluster().httpUrl(), cluster().httpUrl());
    }

    /** Signed in through nginx's HTTP/2 TLS listener, trusting its self-signed certificate. */
    Visitor signInOverTls(User user) {
        return Visitor.signIn(user, newContext(new Browser.NewContextOptions().setIgnoreHTTPSErrors(true)),
                cluster().tlsUrl(), cluster().httpUrl());
    }

    BrowserContext newContext(Browser.NewContextOptions options) {
        BrowserContext context = harness.browsers().browser().newContext(options);
        context.tracing().start(new Tracing.StartOptions().setScreenshots(true).setSnapshots(true).setSources(false));
        contexts.add(context);
        return context;
    }

    /** Screenshots of every open page and each context's trace (open with `playwright show-trace`). */
    void saveArtifacts(Path dir) {
        for (int c = 0; c < contexts.size(); c++) {
            BrowserContext context = contexts.get(c);
            List<Page> pages = context.pages();
            for (int p = 0; p < pages.size(); p++) {
                try {
                    pages.get(p).screenshot(new Page.ScreenshotOptions().setFullPage(true)
                            .setPath(dir.resolve("context" + (c + 1) + "-page" + (p + 1) + ".png")));
                } catch (RuntimeException closedOrCrashed) {
                    // keep going: the trace may still tell what happened
                }
            }
            context.tracing().stop(new Tracing.StopOptions().setPath(dir.resolve("context" + (c + 1) + "-trace.zip")));
        }
        tracingStopped = true;
    }

    void close() {
        for (BrowserContext context : contexts) {
            if (!tracingStopped) {
                context.tracing().stop();
            }
            context.close();
        }
        contexts.clear();
    }
}
