package io.boardcast.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server of the test's own on a free port of 127.0.0.1, so a test can crash, pause or restart it without
 * disturbing anyone else's Redis. Needs {@code redis-server} and {@code redis-cli} on the PATH. Without a directory it
 * keeps nothing on disk (a restart starts empty); with one it keeps an append-only file there, read back on restart.
 */
public final class RedisServer implements AutoCloseable {

    private final int port;
    private final Path dir;
    private Process process;

    private RedisServer(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    /** A port with nothing listening yet, nothing kept on disk: call {@link #start()} when Redis should come up. */
    public static RedisServer onFreePort() {
        return new RedisServer(Ports.free(), null);
    }

    /** The same, with an append-only file and the server's log ({@code redis.log}) in {@code dir}. */
    public static RedisServer onFreePort(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RedisServer(Ports.free(), dir.toAbsolutePath());
    }

    public int port() {
        return port;
    }

    /** Starts (again) on the same port, and waits until it answers PING. */
    public RedisServer start() {
        List<String> command = new ArrayList<>(List.of("redis-server", "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", ""));
        if (dir == null) {
            command.addAll(List.of("--appendonly", "no"));
        } else {
            command.addAll(List.of("--appendonly", "yes", "--dir", dir.toString()));
        }
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir == null
                    ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("redis-server is needed on the PATH", e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!"PONG".equals(cliQuietly("PING"))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("redis-server on port " + port + " did not start"
                        + (dir == null ? "" : "; see " + dir.resolve("redis.log")));
            }
            Ports.pause(Duration.ofMillis(50));
        }
        return this;
    }

    /** A crash: SIGKILL, and back only when {@link #start()} is called. */
    public void crash() {
        if (process != null) {
            Processes.kill(process, Duration.ofSeconds(10));
            Ports.awaitFree(port);
            process = null;
        }
    }

    /** A crash, then the same server back on the same port (with its append-only file, if it keeps one). */
    public void crashAndRestart() {
        crash();
        start();
    }

    /** Ends every pub/sub connection; clients must notice and subscribe again. */
    public String killPubSubClients() {
        return cli("CLIENT", "KILL", "TYPE", "pubsub");
    }

    /** Holds every client's commands for {@code millis}. */
    public String pause(long millis) {
        return cli("CLIENT", "PAUSE", Long.toString(millis));
    }

    /** Runs one command with redis-cli and returns what it printed. */
    public String cli(String... args) {
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
            throw new UncheckedIOException("redis-cli is needed on the PATH", e);
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

    /** A graceful shutdown (SIGTERM), then SIGKILL if it takes longer than 10 s. */
    @Override
    public void close() {
        if (process != null) {
            Processes.stop(process, Duration.ofSeconds(10));
        }
    }
}
