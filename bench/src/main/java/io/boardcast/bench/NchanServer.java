package io.boardcast.bench;

import io.boardcast.testsupport.AppProcess;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * nginx with the Nchan module, Redis-backed (the {@code nchan_redis_pass} upstream form, which Nchan 1.3 supports),
 * two workers to match our two instances. Runs in the foreground as our child, so stopping it is stopping a pid.
 */
final class NchanServer implements AutoCloseable {

    static final String MODULE = "/usr/lib/nginx/modules/ngx_nchan_module.so";

    private final Process process;
    final int port;

    private NchanServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static boolean available() {
        return Files.exists(Path.of(MODULE)) && Files.isExecutable(Path.of("/usr/sbin/nginx"));
    }

    static NchanServer start(Path dir, String redisHost, int redisPort, String namespace)
            throws IOException, InterruptedException {
        Path prefix = Files.createDirectories(dir.toAbsolutePath());
        int port = AppProcess.freePort();
        Files.writeString(prefix.resolve("nginx.conf"), """
                load_module %s;
                daemon off;
                worker_processes 2;
                worker_rlimit_nofile 40000;
                pid %s/nginx.pid;
                error_log %s/error.log warn;
                events { worker_connections 20000; }
                http {
                  access_log off;
                  client_body_temp_path %s/tmp;
                  upstream bench_redis { nchan_redis_server redis://%s:%d; }
                  server {
                    listen 127.0.0.1:%d;
                    location = /pub {
                      nchan_publisher;
                      nchan_channel_id $arg_id;
                      nchan_redis_pass bench_redis;
                      nchan_message_buffer_length 20;
                      client_max_body_size 1m;
                      client_body_buffer_size 1m;
                    }
                    location = /sub {
                      nchan_subscriber eventsource;
                      nchan_channel_id $arg_id;
                      nchan_redis_pass bench_redis;
                      nchan_subscriber_first_message newest;
                    }
                  }
                }
                """.formatted(MODULE, prefix, prefix, prefix, redisHost, redisPort, port));
        Files.createDirectories(prefix.resolve("tmp"));
        Process process = new ProcessBuilder("/usr/sbin/nginx", "-p", prefix.toString(), "-c",
                prefix.resolve("nginx.conf").toString()).redirectErrorStream(true)
                .redirectOutput(prefix.resolve("nginx.out").toFile()).start();
        NchanServer server = new NchanServer(process, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return server;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IOException("nginx exited; see " + prefix.resolve("nginx.out"));
                }
                Thread.sleep(100);
            }
        }
        server.close();
        throw new IOException("nginx did not listen on " + port);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The master and its workers: the workers do the work. */
    long[] pids() {
        List<Long> pids = new ArrayList<>(List.of(process.pid()));
        process.children().forEach(child -> pids.add(child.pid()));
        return pids.stream().mapToLong(Long::longValue).toArray();
    }

    HttpRequest subscribe(String channel) {
        return HttpRequest.newBuilder(URI.create(baseUrl() + "/sub?id=" + channel)).timeout(Duration.ofSeconds(60))
                .header("Accept", "text/event-stream").build();
    }

    /** Publishes "{seq}\n{payload}", so a subscriber finds the sequence on the first data line. */
    Publisher publisher(HttpClient http, String channel, String payload) {
        return seq -> {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                    URI.create(baseUrl() + "/pub?id=" + channel)).timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(seq + "\n" + payload)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2;
        };
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
