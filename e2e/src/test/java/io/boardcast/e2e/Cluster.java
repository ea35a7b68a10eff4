package io.boardcast.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/** This run's database, two app instances and nginx in front of them. Started once per JVM. */
final class Cluster implements AutoCloseable {

    private final TestDatabase database;
    private final List<AppInstance> instances;
    private final NginxProxy nginx;

    private Cluster(TestDatabase database, List<AppInstance> instances, NginxProxy nginx) {
        this.database = database;
        this.instances = instances;
        this.nginx = nginx;
    }

    static Cluster start(E2eSettings settings) {
        if (!Files.isRegularFile(settings.appJar())) {
            throw new IllegalStateException("No app jar at " + settings.appJar().toAbsolutePath()
                    + ": build the app first, or pass -Dboardcast.app.jar=...");
        }
        clearLogs(settings.logDir());
        long runId = System.currentTimeMillis();
        String namespace = "boardcast:e2e:" + runId;
        List<AutoCloseable> started = new ArrayList<>();
        try {
            TestDatabase database = TestDatabase.create(settings, runId);
            started.add(database);
            List<AppInstance> instances = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                AppInstance instance = new AppInstance("app" + i, freePort(), settings, database, namespace);
                started.add(instance);
                // One at a time: the first one's Flyway migration must finish before the second looks.
                instances.add(instance.start().awaitHealthy());
            }
            Path dir = Files.createTempDirectory("boardcast-e2e-nginx-");
            NginxProxy nginx = new NginxProxy(settings, dir, freePort(), freePort(), false);
            started.add(nginx);
            return new Cluster(database, List.copyOf(instances), nginx.start(instances));
        } catch (IOException | RuntimeException e) {
            Collections.reverse(started);
            closeAll(started, e);
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    List<AppInstance> instances() {
        return instances;
    }

    /** Plain HTTP through nginx. */
    String httpUrl() {
        return nginx.httpUrl();
    }

    /** HTTP/2 over TLS through nginx, with a self-signed certificate. */
    String tlsUrl() {
        return nginx.tlsUrl();
    }

    @Override
    public void close() {
        List<AutoCloseable> parts = new ArrayList<>();
        parts.add(nginx);
        parts.addAll(instances);
        parts.add(database); // last: DROP ... WITH (FORCE) would otherwise break the apps' connections mid-shutdown
        closeAll(parts, null);
    }

    private static void closeAll(List<? extends AutoCloseable> parts, Exception cause) {
        RuntimeException failure = null;
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception e) {
                if (cause != null) {
                    cause.addSuppressed(e);
                } else if (failure == null) {
                    failure = new IllegalStateException("Teardown failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Each run's logs alone; an instance restarted within the run appends to its own. */
    private static void clearLogs(Path logDir) {
        try {
            Files.createDirectories(logDir);
            try (Stream<Path> logs = Files.list(logDir)) {
                for (Path log : logs.toList()) {
                    Files.deleteIfExists(log);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot clear " + logDir, e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
