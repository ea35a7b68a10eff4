package io.boardcast.faults;

import io.boardcast.testsupport.AppProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server of the suite's own on a free port of 127.0.0.1, with an append-only file in a directory of its own,
 * so the suite can pause, cut and restart it without disturbing anyone else's Redis.
 */
final class RedisServer implements AutoCloseable {

    private final int port;
    private final Path dir;
    private Process process;

    private RedisServer(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    static RedisServer start(Path dir) throws IOException {
        Files.createDirectories(dir);
        RedisServer redis = new RedisServer(AppProcess.freePort(), dir);
        redis.start();
        return redis;
    }

    int port() {
        return port;
    }

    /** Starts (again) on the same port and directory; an append-only file from before is read back. */
    void start() throws IOException {
        process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--appendonly", "yes", "--dir", dir.toAbsolutePath().toString(), "--save", "")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile())).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if ("PONG".equals(cliQuietly("PING"))) {
                return;
            }
            sleep(50);
        }
        throw new IllegalStateException("redis-server on port " + port + " did not start; see " + dir.resolve("redis.log"));
    }

    /** Ends every pub/sub connection; clients must notice and subscribe again. */
    String killPubSubClients() {
        return cli("CLIENT", "KILL", "TYPE", "pubsub");
    }

    /** Holds every client's commands for {@code millis}. */
    String pause(long millis) {
        return cli("CLIENT", "PAUSE", Long.toString(millis));
    }

    /** A crash: SIGKILL, then the same server back on the same port with its append-only file. */
    void crashAndRestart() throws IOException {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(10));
        awaitPortFree();
        start();
    }

    String cli(String... args) {
        List<String> command = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", Integer.toString(port)));
        command.addAll(List.of(args));
        try {
            Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(cli.getInputStream().readAllBytes()).strip();
            if (!cli.waitFor(20, TimeUnit.SECONDS)) {
                cli.destroyForcibly();
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String cliQuietly(String... args) {
        try {
            return cli(args);
        } catch (RuntimeException notYet) {
            return "";
        }
    }

    private void awaitPortFree() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                sleep(50);
            } catch (IOException free) {
                return;
            }
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!waitFor(Duration.ofSeconds(10))) {
                process.destroyForcibly();
                waitFor(Duration.ofSeconds(5));
            }
        }
    }
}
