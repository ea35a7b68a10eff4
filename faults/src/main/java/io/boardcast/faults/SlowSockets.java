package io.boardcast.faults;

import io.boardcast.testsupport.AppProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Clients that open a board's event stream and never read it: raw sockets with a small receive buffer, signed in,
 * {@code GET /boards/{id}/events}. Whatever the server sends piles up in the kernel's buffers and then in the
 * server's own queue for that stream.
 */
final class SlowSockets implements AutoCloseable {

    private final List<Socket> sockets = new ArrayList<>();
    private int failed;

    /** Opens up to {@code count} within {@code within}; returns how many are open. */
    int open(AppProcess app, long boardId, String sessionCookie, int count, Duration within) {
        byte[] request = ("GET /boards/" + boardId + "/events HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + app.port() + "\r\n"
                + "Accept: text/event-stream\r\n"
                + "Cookie: SESSION=" + sessionCookie + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        long deadline = System.nanoTime() + within.toNanos();
        for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
            Socket socket = new Socket();
            try {
                socket.setReceiveBufferSize(1024);
                socket.connect(new InetSocketAddress("127.0.0.1", app.port()), 5000);
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
                sockets.add(socket);
            } catch (IOException e) {
                failed++;
                closeQuietly(socket);
            }
        }
        return sockets.size();
    }

    int failed() {
        return failed;
    }

    @Override
    public void close() {
        sockets.forEach(SlowSockets::closeQuietly);
        sockets.clear();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
