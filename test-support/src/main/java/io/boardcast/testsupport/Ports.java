package io.boardcast.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/** Free ports on 127.0.0.1 for the processes a harness starts, and waiting until one of them listens. */
public final class Ports {

    private Ports() {
    }

    /** A port nothing listens on right now. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether something accepts connections on {@code 127.0.0.1:port}. */
    public static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /**
     * Waits until {@code process} listens on every one of {@code ports}; fails at once when it exits, and after
     * {@code timeout} if it never does.
     */
    public static void awaitListening(Process process, String what, Duration timeout, int... ports) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(what + " exited with " + process.exitValue());
            }
            boolean all = true;
            for (int port : ports) {
                all &= listening(port);
            }
            if (all) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " not listening within " + timeout);
            }
            pause(Duration.ofMillis(50));
        }
    }

    /** Waits until nothing listens on {@code port} any more (a killed server's socket is closed), at most 10 s. */
    public static void awaitFree(int port) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (listening(port) && System.nanoTime() < deadline) {
            pause(Duration.ofMillis(50));
        }
    }

    static void pause(Duration interval) {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
