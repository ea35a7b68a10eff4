package io.boardcast.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

/** A Redis server of the test's own, on a free port, so a test can stop or pause it without disturbing anyone. */
public final class RedisServer implements AutoCloseable {

    private final int port;
    private Process process;

    private RedisServer(int port) {
        this.port = port;
    }

    /** A port with nothing listening yet: call {@link #start()} when the test wants Redis to come up. */
    public static RedisServer onFreePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return new RedisServer(socket.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    public RedisServer start() {
        try {
            process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException("redis-server is needed on the PATH", e);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> cli("PING").contains("PONG"));
        return this;
    }

    /** Stops the server at once, as a crash would. */
    public void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Runs one command with redis-cli and returns what it printed. */
    public String cli(String... command) {
        String[] args = new String[command.length + 3];
        args[0] = "redis-cli";
        args[1] = "-p";
        args[2] = Integer.toString(port);
        System.arraycopy(command, 0, args, 3, command.length);
        try {
            Process cli = new ProcessBuilder(args).redirectErrorStream(true).start();
            String output = new String(cli.getInputStream().readAllBytes());
            cli.waitFor();
            return output;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    @Override
    public void close() {
        stop();
    }
}
