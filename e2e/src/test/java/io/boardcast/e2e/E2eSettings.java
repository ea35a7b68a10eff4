package io.boardcast.e2e;

import java.nio.file.Path;

/**
 * Where the suite finds the app, the stores and the browser. Each setting is a system property, else an environment
 * variable, else a default that fits a developer machine and CI.
 */
record E2eSettings(Path appJar, Path nginxTemplate, Path targetDir, String pgHost, int pgPort, String pgUser,
        String pgMaintenanceDb, String redisHost, int redisPort, Path chromium, String nginx) {

    static E2eSettings load() {
        return new E2eSettings(
                Path.of(setting("boardcast.app.jar", "BOARDCAST_APP_JAR", "../app/target/boardcast-app-0.1.0-SNAPSHOT.jar")),
                Path.of(setting("boardcast.e2e.template", "BOARDCAST_E2E_TEMPLATE", "../deploy/nginx/boardcast.conf.template")),
                Path.of(setting("boardcast.e2e.target", "BOARDCAST_E2E_TARGET", "target")),
                setting("boardcast.e2e.pg.host", "BOARDCAST_E2E_PG_HOST", "127.0.0.1"),
                Integer.parseInt(setting("boardcast.e2e.pg.port", "BOARDCAST_E2E_PG_PORT", "5432")),
                setting("boardcast.e2e.pg.user", "BOARDCAST_E2E_PG_USER", "postgres"),
                setting("boardcast.e2e.pg.database", "BOARDCAST_E2E_PG_DATABASE", "test"),
                setting("boardcast.e2e.redis.host", "BOARDCAST_E2E_REDIS_HOST", "127.0.0.1"),
                Integer.parseInt(setting("boardcast.e2e.redis.port", "BOARDCAST_E2E_REDIS_PORT", "6379")),
                Path.of(setting("boardcast.e2e.chromium", "PLAYWRIGHT_CHROMIUM_EXECUTABLE", "/usr/bin/chromium")),
                setting("boardcast.e2e.nginx", "BOARDCAST_E2E_NGINX", "/usr/sbin/nginx"));
    }

    String pgPassword() {
        return setting("boardcast.e2e.pg.password", "BOARDCAST_E2E_PG_PASSWORD", "");
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database;
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
