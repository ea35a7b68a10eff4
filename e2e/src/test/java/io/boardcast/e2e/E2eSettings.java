package io.boardcast.e2e;

import java.nio.file.Path;

/**
 * Where the suite finds the nginx template, its output directory and the browser. Each setting is a system property,
 * else an environment variable, else a default that fits a developer machine and CI. The app jar, the database, Redis
 * and nginx itself are the test kit's settings ({@code boardcast.app.jar}, {@code BOARDCAST_TEST_*}).
 */
record E2eSettings(Path nginxTemplate, Path targetDir, Path chromium) {

    static E2eSettings load() {
        return new E2eSettings(
                Path.of(setting("boardcast.e2e.template", "BOARDCAST_E2E_TEMPLATE", "../deploy/nginx/boardcast.conf.template")),
                Path.of(setting("boardcast.e2e.target", "BOARDCAST_E2E_TARGET", "target")),
                Path.of(setting("boardcast.e2e.chromium", "PLAYWRIGHT_CHROMIUM_EXECUTABLE", "/usr/bin/chromium")));
    }

    Path logDir() {
        return targetDir.resolve("e2e-logs");
    }

    Path artifactDir() {
        return targetDir.resolve("e2e-artifacts");
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
