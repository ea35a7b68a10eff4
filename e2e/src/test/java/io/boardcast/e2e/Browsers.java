package io.boardcast.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType.LaunchOptions;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/** One headless Debian Chromium for the whole run; Playwright may not download a browser of its own here. */
final class Browsers implements AutoCloseable {

    private final Playwright playwright;
    private final Browser browser;

    private Browsers(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static Browsers launch(E2eSettings settings) {
        if (!Files.isExecutable(settings.chromium())) {
            throw new IllegalStateException("No Chromium at " + settings.chromium()
                    + ": install it or set PLAYWRIGHT_CHROMIUM_EXECUTABLE");
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new LaunchOptions()
                    .setExecutablePath(settings.chromium())
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-background-networking", "--disable-component-update",
                            "--no-first-run", "--disable-gpu", "--disable-quic", "--disable-sync")));
            return new Browsers(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        playwright.close(); // closes the browser too
    }
}
