package io.boardcast.bench;

import java.io.IOException;
import java.net.ServerSocket;
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

/** One app process started from the jar, on a free port, with this run's own database, channel and session namespace. */
final class AppInstance implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** The operator's credential for /actuator/prometheus, this run's own. */
    private static final String OPERATOR_PASSWORD = UUID.randomUUID().toString();

    private final Process process;
    private final String java;
    final int port;
    final String name;

    private AppInstance(Process process, String java, int port, String name) {
        this.process = process;
        this.java = java;
        this.port = port;
        this.name = name;
    }

    static AppInstance start(BenchConfig config, String name, String runId, String jdbcUrl, Path logDir,
            List<String> extraArgs) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(config.appJava()));
        if (config.jfr()) {
            command.add("-XX:StartFlightRecording=filename=" + logDir.resolve(name + ".jfr").toAbsolutePath()
                    + ",settings=profile,dumponexit=true");
        }
        command.addAll(List.of("-jar", config.appJar().toString(),
                "--spring.profiles.active=postgres,redis",
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.data.redis.host=" + config.redisHost(),
                "--spring.data.redis.port=" + config.redisPort(),
                "--boardcast.realtime.channel=boardcast:bench:" + runId + ":events",
                "--spring.session.redis.namespace=boardcast:bench:" + runId + ":session",
                "--boardcast.throttle.key-prefix=boardcast:bench:" + runId + ":throttle",
                // Thousands of viewers sign up from this one address (failed sign-ins: none, so those stay as set).
                "--boardcast.throttle.sign-ups-per-ip=1000000",
                "--boardcast.operator.username=bench",
                "--boardcast.operator.password=" + OPERATOR_PASSWORD,
                "--boardcast.demo-data.enabled=false"));
        command.addAll(config.appArgs());
        command.addAll(extraArgs);
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AppInstance app = new AppInstance(process, config.appJava(), port, name);
        app.awaitReady(Duration.ofSeconds(120), log);
        return app;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    String prometheus() throws IOException, InterruptedException {
        String operator = Base64.getEncoder().encodeToString(("bench:" + OPERATOR_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/prometheus"))
                .header("Authorization", "Basic " + operator)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Heap in use right after a full collection, so it counts what streams keep alive, not garbage. */
    long heapUsedAfterGc() throws IOException, InterruptedException {
        Path jcmd = Path.of(java).resolveSibling("jcmd");
        Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), "GC.run")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        gc.waitFor(60, TimeUnit.SECONDS);
        return (long) Prometheus.sum(prometheus(), "jvm_memory_used_bytes", "area=\"heap\"");
    }

    /** The largest classes on the heap, to see what a stream keeps alive. */
    void classHistogram(Path out) throws IOException, InterruptedException {
        Path jcmd = Path.of(java).resolveSibling("jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), "GC.class_histogram")
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        p.waitFor(120, TimeUnit.SECONDS);
    }

    private void awaitReady(Duration timeout, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited; see " + log);
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        close();
        throw new IOException(name + " not ready within " + timeout + "; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
