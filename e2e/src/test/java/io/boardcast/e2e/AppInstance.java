package io.boardcast.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One app process on a fixed port, so nginx's upstream list stays valid across a kill and a restart. */
final class AppInstance implements AutoCloseable {

    private static final Pattern OPEN_STREAMS = Pattern.compile("(?m)^boardcast_streams_open(?:\\{[^}]*})? ([0-9.eE+-]+)$");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** The operator's password for /actuator/prometheus, this run's own. */
    private static final String OPERATOR_PASSWORD = UUID.randomUUID().toString();

    private final String name;
    private final int port;
    private final List<String> command;
    private final Path log;
    private Process process;

    AppInstance(String name, int port, E2eSettings settings, TestDatabase database, String namespace) {
        this.name = name;
        this.port = port;
        this.log = settings.logDir().resolve(name + ".log");
        this.command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-jar", settings.appJar().toAbsolutePath().toString(),
                "--spring.profiles.active=postgres,redis",
                "--server.port=" + port,
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + settings.pgUser(),
                "--spring.datasource.password=" + settings.pgPassword(),
                "--spring.data.redis.host=" + settings.redisHost(),
                "--spring.data.redis.port=" + settings.redisPort(),
                // This run's own channel and session keys: parallel runs on one Redis never see each other.
                "--boardcast.realtime.channel=" + namespace + ":board-events",
                "--spring.session.redis.namespace=" + namespace + ":session",
                "--boardcast.throttle.key-prefix=" + namespace + ":throttle",
                // The harness signs every user up from this one address; throttling is tested in the app ITs.
                "--boardcast.throttle.sign-ups-per-ip=1000",
                "--boardcast.operator.username=e2e",
                "--boardcast.operator.password=" + OPERATOR_PASSWORD,
                "--boardcast.realtime.heartbeat-interval=2s",
                // Reminders fall due within a second of a due date being set.
                "--boardcast.reminders.scan-interval=1s"));
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    String baseUrl() {
        return "http://" + address();
    }

    AppInstance start() {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "=== starting " + String.join(" ", command) + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + name, e);
        }
        return this;
    }

    /** Flyway migrates on startup, so callers wait for one instance before starting the next. */
    AppInstance awaitHealthy() {
        await(name + " healthy (see " + log + ")").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited with " + process.exitValue() + ", see " + log);
                    }
                    return status("/actuator/health") == 200;
                });
        return this;
    }

    /** A crash: no graceful shutdown, so browsers see their streams break rather than end. */
    void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The gauge boardcast_streams_open of this instance, asked directly (not through nginx). */
    int openStreams() {
        Matcher gauge = OPEN_STREAMS.matcher(get("/actuator/prometheus", "Basic "
                + Base64.getEncoder().encodeToString(("e2e:" + OPERATOR_PASSWORD).getBytes(StandardCharsets.UTF_8))).body());
        if (!gauge.find()) {
            throw new IllegalStateException(name + " exposes no boardcast_streams_open");
        }
        return (int) Double.parseDouble(gauge.group(1));
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private void waitForExit() {
        try {
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int status(String path) {
        try {
            return get(path).statusCode();
        } catch (RuntimeException notYet) {
            return -1;
        }
    }

    private HttpResponse<String> get(String path) {
        return get(path, null);
    }

    private HttpResponse<String> get(String path, String authorization) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(5));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(name + " did not answer " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
