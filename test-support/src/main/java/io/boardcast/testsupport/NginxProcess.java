package io.boardcast.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An nginx of the test's own: a configuration the caller wrote, run in the foreground as our child (so stopping it is
 * stopping a pid), with every path under a prefix directory. {@link #start} returns once it listens on the given
 * ports; its startup errors go to {@code nginx-error.log} and its output to {@code nginx.out} in the log directory.
 * The configuration must not say {@code daemon}: this class sets it off.
 */
public final class NginxProcess implements AutoCloseable {

    /** {@code BOARDCAST_TEST_NGINX}, else Debian's {@code /usr/sbin/nginx}. */
    public static final String EXECUTABLE = TestDatabase.env("BOARDCAST_TEST_NGINX", "/usr/sbin/nginx");

    private final Process process;

    private NginxProcess(Process process) {
        this.process = process;
    }

    public static NginxProcess start(Path prefix, Path config, Path logDir, int... ports) {
        return start(EXECUTABLE, prefix, config, logDir, ports);
    }

    public static NginxProcess start(String executable, Path prefix, Path config, Path logDir, int... ports) {
        Process process;
        try {
            Files.createDirectories(logDir);
            process = new ProcessBuilder(executable, "-p", prefix.toAbsolutePath().toString(),
                    "-c", config.toAbsolutePath().toString(),
                    "-e", logDir.resolve("nginx-error.log").toAbsolutePath().toString(), "-g", "daemon off;")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve("nginx.out").toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + executable, e);
        }
        NginxProcess nginx = new NginxProcess(process);
        try {
            Ports.awaitListening(process, "nginx (see " + logDir.resolve("nginx-error.log") + ")",
                    Duration.ofSeconds(15), ports);
        } catch (RuntimeException e) {
            nginx.close();
            throw e;
        }
        return nginx;
    }

    /** The master and its workers: the workers do the work. */
    public long[] pids() {
        List<Long> pids = new ArrayList<>(List.of(process.pid()));
        process.children().forEach(child -> pids.add(child.pid()));
        return pids.stream().mapToLong(Long::longValue).toArray();
    }

    /** SIGTERM, a fast shutdown of master and workers; SIGKILL if that takes longer than 10 s. */
    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(10));
    }
}
