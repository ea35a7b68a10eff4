package io.boardcast.e2e;

import io.boardcast.testsupport.AppProcess;
import io.boardcast.testsupport.AppSettings;
import io.boardcast.testsupport.Ports;
import io.boardcast.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/** This run's database, two app instances and nginx in front of them. Started once per JVM. */
final class Cluster implements AutoCloseable {

    private final TestDatabase database;
    private final List<AppProcess> instances;
    private final NginxProxy nginx;

    private Cluster(TestDatabase database, List<AppProcess> instances, NginxProxy nginx) {
        this.database = database;
        this.instances = instances;
        this.nginx = nginx;
    }

    static Cluster start(E2eSettings settings) {
        clearLogs(settings.logDir());
        List<AutoCloseable> started = new ArrayList<>();
        try {
            TestDatabase database = TestDatabase.create("boardcast_e2e_");
            started.add(database);
            AppSettings app = AppSettings.forRun("e2e", database);
            List<AppProcess> instances = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                // One at a time: the first one's Flyway migration must finish before the second looks. Each keeps
                // its port across a kill and a restart, so nginx's upstream list stays valid.
                AppProcess instance = AppProcess.builder("app" + i, app).logDir(settings.logDir())
                        .jvmArgs(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"))
                        .args(List.of("boardcast.realtime.heartbeat-interval=2s",
                                // Reminders fall due within a second of a due date being set.
                                "boardcast.reminders.scan-interval=1s"))
                        .start();
                started.add(instance);
                instances.add(instance);
            }
            Path dir = Files.createTempDirectory("boardcast-e2e-nginx-");
            NginxProxy nginx = new NginxProxy(settings, dir, new NginxProxy.Listeners(Ports.free(), Ports.free()), false);
            started.add(nginx);
            return new Cluster(database, List.copyOf(instances), nginx.start(instances));
        } catch (IOException | RuntimeException e) {
            Collections.reverse(started);
            closeAll(started, e);
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    List<AppProcess> instances() {
        return instances;
    }

    /** The database both instances use: for a test that must hold a lock the app will wait on. */
    TestDatabase database() {
        return database;
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
}
