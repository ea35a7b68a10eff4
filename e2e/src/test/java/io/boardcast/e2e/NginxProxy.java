package io.boardcast.e2e;

import io.boardcast.testsupport.AppProcess;
import io.boardcast.testsupport.NginxProcess;
import io.boardcast.testsupport.NginxTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Real nginx in front of the instances, configured from the repository's one template
 * (deploy/nginx/boardcast.conf.template), running as the current user with everything under a temporary directory;
 * the test kit's {@link NginxProcess} runs it.
 */
final class NginxProxy implements AutoCloseable {

    /** Where nginx listens: plain HTTP and TLS with HTTP/2. */
    record Listeners(int httpPort, int tlsPort) {
    }

    private final E2eSettings settings;
    private final Path dir;
    private final Listeners listeners;
    private final boolean asInProduction;
    private NginxProcess nginx;

    /**
     * @param asInProduction the template as docker-compose.yml renders it: plain HTTP only redirects to TLS. Otherwise
     *                       (the suite's own proxy) plain HTTP serves the app too, and every response names the
     *                       instance that answered in X-Upstream, which the suite uses to see round-robin at work.
     */
    NginxProxy(E2eSettings settings, Path dir, Listeners listeners, boolean asInProduction) {
        this.settings = settings;
        this.dir = dir;
        this.listeners = listeners;
        this.asInProduction = asInProduction;
    }

    String httpUrl() {
        return "http://127.0.0.1:" + listeners.httpPort();
    }

    /** The HTTP/2 listener; "localhost" because that's the certificate's name. */
    String tlsUrl() {
        return "https://localhost:" + listeners.tlsPort();
    }

    NginxProxy start(List<AppProcess> instances) {
        Path main = dir.resolve("nginx.conf");
        try {
            Files.createDirectories(dir);
            Files.createDirectories(settings.logDir());
            Path cert = dir.resolve("tls.crt");
            Path key = dir.resolve("tls.key");
            run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                    "-keyout", key.toString(), "-out", cert.toString()));
            String upstreams = instances.stream().map(i -> "server " + i.address() + " max_fails=1 fail_timeout=10s;")
                    .collect(Collectors.joining("\n    "));
            Path site = dir.resolve("boardcast.conf");
            String config = NginxTemplate.render(Files.readString(settings.nginxTemplate()), Map.of(
                    "APP_UPSTREAMS", upstreams,
                    "HTTP_PORT", "127.0.0.1:" + listeners.httpPort(),
                    "TLS_PORT", "127.0.0.1:" + listeners.tlsPort(),
                    "TLS_CERT", cert.toString(),
                    "TLS_KEY", key.toString(),
                    "HTTPS_REDIRECT", asInProduction ? "1" : "0",
                    "PUBLIC_TLS_PORT", Integer.toString(listeners.tlsPort())));
            Files.writeString(site, asInProduction ? config : NginxTemplate.withUpstreamHeader(config));
            Files.writeString(main, mainConfig(site));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot configure nginx in " + dir, e);
        }
        nginx = NginxProcess.start(dir, main, settings.logDir(), listeners.httpPort(), listeners.tlsPort());
        return this;
    }

    @Override
    public void close() throws IOException {
        if (nginx != null) {
            nginx.close();
        }
        deleteRecursively(dir);
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /** The surroundings a packaged nginx has in /etc/nginx/nginx.conf; here every path is ours. */
    private String mainConfig(Path site) {
        String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
        return user + """
                worker_processes 1;
                pid %1$s/nginx.pid;
                events { worker_connections 1024; }
                http {
                    log_format upstream '$remote_addr [$time_local] "$request" $status $body_bytes_sent '
                                        'upstream=$upstream_addr upstream_status=$upstream_status rt=$request_time';
                    access_log %2$s/nginx-access.log upstream;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    include %3$s;
                }
                """.formatted(dir, settings.logDir().toAbsolutePath(), site);
    }

    private static void run(List<String> command) throws IOException {
        Process tool = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(tool.getInputStream().readAllBytes());
            if (tool.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
