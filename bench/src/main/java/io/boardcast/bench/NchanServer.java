package io.boardcast.bench;

import io.boardcast.testsupport.NginxProcess;
import io.boardcast.testsupport.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * nginx with the Nchan module, Redis-backed (the {@code nchan_redis_pass} upstream form, which Nchan 1.3 supports),
 * two workers to match our two instances, started by the test kit's {@link NginxProcess}.
 */
final class NchanServer implements AutoCloseable {

    static final String MODULE = "/usr/lib/nginx/modules/ngx_nchan_module.so";

    private final NginxProcess nginx;
    final int port;

    private NchanServer(NginxProcess nginx, int port) {
        this.nginx = nginx;
        this.port = port;
    }

    static boolean available() {
        return Files.exists(Path.of(MODULE)) && Files.isExecutable(Path.of(NginxProcess.EXECUTABLE));
    }

    static NchanServer start(Path dir, String redisHost, int redisPort, String namespace) throws IOException {
        Path prefix = Files.createDirectories(dir.toAbsolutePath());
        int port = Ports.free();
        Files.writeString(prefix.resolve("nginx.conf"), """
                load_module %s;
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
        return new NchanServer(NginxProcess.start(prefix, prefix.resolve("nginx.conf"), prefix, port), port);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The master and its workers: the workers do the work. */
    long[] pids() {
        return nginx.pids();
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
    public void close() {
        nginx.close();
    }
}
