package io.boardcast.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged app jar as a separate JVM with profiles {@code postgres,redis}, on a free port, with the run's
 * {@link AppSettings} (its own database, Redis channel and session namespace), so runs never see each other. {@link #kill()} is a crash (SIGKILL),
 * {@link #stop()} a graceful shutdown; {@link #start()} again brings the same instance back on the same port.
 */
public final class AppProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** JDK 17–21: "heap   total 393216K, used 11884K"; JDK 25: "heap   total reserved 6172672K, committed 393216K, used 11884K". */
    private static final Pattern HEAP_USED =
            Pattern.compile("heap\\s+total (?:reserved \\d+K, committed )?\\d+K, used (\\d+)K");

    private final Builder settings;
    private final int port;
    private Process process;

    private AppProcess(Builder settings) {
        this.settings = settings;
        this.port = Ports.free();
    }

    /**
     * An instance with the run's {@code settings} and profiles {@code postgres,redis}; {@code name} names the log file,
     * e.g. {@code app-a} logs to {@code <logDir>/app-a.log}.
     */
    public static Builder builder(String name, AppSettings settings) {
        return new Builder(name, settings.with(List.of(
                "spring.profiles.active=postgres,redis",
                // Harnesses sign many people up from this one address (throttling is tested in the app's ITs).
                "boardcast.throttle.sign-ups-per-ip=1000000",
                "boardcast.demo-data.enabled=false")));
    }

    /** Starts (or restarts) the process and waits until {@code /actuator/health} answers 200. */
    public AppProcess start() {
        List<String> command = new ArrayList<>(List.of(settings.java));
        command.addAll(settings.jvmArgs);
        command.addAll(List.of("-jar", settings.jar.toString()));
        command.addAll(settings.app.with("server.port", Integer.toString(port)).arguments());
        try {
            Files.createDirectories(settings.logDir);
            // A fresh log per run; a restart within the run appends to it.
            ProcessBuilder.Redirect output = process == null ? ProcessBuilder.Redirect.to(log().toFile())
                    : ProcessBuilder.Redirect.appendTo(log().toFile());
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + settings.name, e);
        }
        awaitHealthy(settings.startTimeout);
        return this;
    }

    public String name() {
        return settings.name;
    }

    public int port() {
        return port;
    }

    /** {@code 127.0.0.1:<port>}, as an upstream list names it. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    public String baseUrl() {
        return "http://" + address();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public Path log() {
        return settings.logDir.resolve(settings.name + ".log");
    }

    /** A crash: SIGKILL, no shutdown hooks, streams cut mid-flight. */
    public void kill() {
        if (process != null) {
            Processes.kill(process, Duration.ofSeconds(20));
        }
    }

    /** A graceful shutdown (SIGTERM), then SIGKILL if it takes longer than 30 s. */
    public void stop() {
        if (process != null) {
            Processes.stop(process, Duration.ofSeconds(30));
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The Prometheus scrape, as text (with the operator's credential: metrics are closed to everyone else). */
    public String prometheus() {
        return get("/actuator/prometheus", AppSettings.operatorAuthorization());
    }

    /** Sum of every sample of {@code metric} on {@code /actuator/prometheus}, e.g. {@code boardcast_streams_open}. */
    public double metric(String metric) {
        return Prometheus.sum(prometheus(), metric, "");
    }

    /**
     * Heap in use right after a full collection ({@code jcmd GC.run}, then {@code GC.heap_info}), so it counts what
     * is kept alive, not garbage. Needs no actuator endpoint.
     */
    public long heapUsedAfterGc() {
        jcmd("GC.run");
        String heapInfo = jcmd("GC.heap_info");
        if (heapUsedKb(heapInfo) < 0) {
            throw new IllegalStateException("No heap size in jcmd GC.heap_info of " + settings.name + ": " + heapInfo);
        }
        return heapUsedKb(heapInfo) * 1024;
    }

    /** The heap in use, in KB, from {@code jcmd GC.heap_info}'s output; -1 when it says none. */
    static long heapUsedKb(String heapInfo) {
        Matcher used = HEAP_USED.matcher(heapInfo);
        return used.find() ? Long.parseLong(used.group(1)) : -1;
    }

    /** Runs {@code jcmd <pid> <command>} with the JDK that runs the app; returns its output. */
    public String jcmd(String... command) {
        List<String> line = new ArrayList<>(List.of(Path.of(settings.java).resolveSibling("jcmd").toString(),
                Long.toString(pid())));
        line.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String get(String path, String authorization) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", authorization)
                            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(settings.name + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(settings.name + " exited; see " + log());
            }
            try {
                HttpResponse<Void> health = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        kill();
        throw new IllegalStateException(settings.name + " not healthy within " + timeout + "; see " + log());
    }

    /**
     * The app jar: {@code -Dboardcast.app.jar}, else {@code BOARDCAST_APP_JAR}, else {@code app/target/boardcast-app-*.jar}
     * under the working directory or its parent (a module directory).
     */
    public static Path defaultJar() {
        String configured = System.getProperty("boardcast.app.jar", System.getenv("BOARDCAST_APP_JAR"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path root : List.of(Path.of("."), Path.of(".."))) {
            Path target = root.resolve("app/target");
            if (Files.isDirectory(target)) {
                try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "boardcast-app-*.jar")) {
                    for (Path jar : jars) {
                        if (!jar.toString().endsWith(".original")) {
                            return jar.toAbsolutePath().normalize();
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("No app jar: build it (./mvnw -pl app -am package -DskipTests), "
                + "or pass -Dboardcast.app.jar / BOARDCAST_APP_JAR");
    }

    /** How to start an instance; everything but name and settings has a default. */
    public static final class Builder {

        private final String name;
        private AppSettings app;
        private Path jar;
        private String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        private Path logDir = Path.of("target", "app-logs");
        private final List<String> jvmArgs = new ArrayList<>();
        /** A ceiling, not a wait: on two busy cores a start has taken more than two minutes. */
        private Duration startTimeout = Duration.ofMinutes(5);

        private Builder(String name, AppSettings app) {
            this.name = name;
            this.app = app;
        }

        public Builder jar(Path jar) {
            this.jar = jar;
            return this;
        }

        /** The {@code java} executable that runs the app; its {@code jcmd} sits beside it. */
        public Builder java(String java) {
            this.java = java;
            return this;
        }

        public Builder redis(String host, int port) {
            this.app = app.redis(host, port);
            return this;
        }

        public Builder logDir(Path logDir) {
            this.logDir = logDir;
            return this;
        }

        public Builder jvmArgs(List<String> jvmArgs) {
            this.jvmArgs.addAll(jvmArgs);
            return this;
        }

        /** Extra app properties, e.g. {@code --boardcast.realtime.heartbeat-interval=5s}; later ones win. */
        public Builder args(List<String> args) {
            this.app = app.with(args);
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        /** Builds and starts the instance. */
        public AppProcess start() {
            if (jar == null) {
                jar = defaultJar();
            }
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("App jar not found: " + jar);
            }
            return new AppProcess(this).start();
        }
    }
}
