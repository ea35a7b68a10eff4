package io.boardcast.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A signed-in user as a browser would be: the SESSION cookie (Spring Session in Redis, so it works on every
 * instance) and the CSRF token from the page's meta tag, sent as the {@code _csrf} form field.
 */
final class UserSession {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");
    private static final Pattern LAST_EVENT_ID = Pattern.compile("data-last-event-id=\"(\\d+)\"");

    private final HttpClient http;
    final String username;
    private String cookie;
    private String csrf;

    private UserSession(HttpClient http, String username) {
        this.http = http;
        this.username = username;
    }

    /** Signs up (ignoring "taken"), then signs in through {@code baseUrl}. */
    static UserSession signUpAndLogIn(HttpClient http, String baseUrl, String username, String password)
            throws IOException, InterruptedException {
        UserSession session = new UserSession(http, username);
        session.get(baseUrl + "/login");
        session.post(baseUrl + "/signup", Map.of("username", username, "password", password));
        session.get(baseUrl + "/login");
        HttpResponse<String> login = session.post(baseUrl + "/login", Map.of("username", username, "password", password));
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) {
            throw new IOException("Login failed for " + username + ": " + login.statusCode() + " " + location);
        }
        // Signing in rotates the session and its CSRF token: pick up the new one.
        session.get(baseUrl + "/boards");
        return session;
    }

    String cookie() {
        return cookie;
    }

    String csrf() {
        return csrf;
    }

    /** Creates a board and returns its id. */
    long createBoard(String baseUrl, String name) throws IOException, InterruptedException {
        HttpResponse<String> response = post(baseUrl + "/boards", Map.of("name", name));
        String location = response.headers().firstValue("Location").orElseThrow(
                () -> new IOException("No board created: " + response.statusCode()));
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    void addViewer(String baseUrl, long boardId, String member) throws IOException, InterruptedException {
        expectRedirect(post(baseUrl + "/boards/" + boardId + "/members", Map.of("username", member, "role", "VIEWER")));
    }

    void createTask(String baseUrl, long boardId, String title) throws IOException, InterruptedException {
        expectRedirect(post(baseUrl + "/boards/" + boardId + "/tasks", Map.of("title", title)));
    }

    String boardPage(String baseUrl, long boardId) throws IOException, InterruptedException {
        HttpResponse<String> page = get(baseUrl + "/boards/" + boardId);
        if (page.statusCode() != 200) {
            throw new IOException("Board page: " + page.statusCode());
        }
        return page.body();
    }

    static List<Long> ids(String html, String prefix) {
        Matcher m = Pattern.compile("id=\"" + prefix + "-(\\d+)\"").matcher(html);
        List<Long> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    static long lastEventId(String html) {
        Matcher m = LAST_EVENT_ID.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("No data-last-event-id on the board page");
        }
        return Long.parseLong(m.group(1));
    }

    HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Cookie", "SESSION=" + cookie);
    }

    static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&")));
    }

    Map<String, String> withCsrf(Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        return all;
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (cookie != null) {
            request.header("Cookie", "SESSION=" + cookie);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException staleConnection) {
            // A pooled keep-alive connection the server closed meanwhile (after the polling storm): once more.
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        remember(response);
        Matcher m = CSRF.matcher(response.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return response;
    }

    private HttpResponse<String> post(String url, Map<String, String> fields) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(form(withCsrf(fields)));
        if (cookie != null) {
            request.header("Cookie", "SESSION=" + cookie);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        remember(response);
        return response;
    }

    private void remember(HttpResponse<?> response) {
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            if (setCookie.startsWith("SESSION=")) {
                cookie = setCookie.substring("SESSION=".length(), setCookie.indexOf(';'));
            }
        }
    }

    private static void expectRedirect(HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 302) {
            throw new IOException("Expected 302, got " + response.statusCode() + " for " + response.uri());
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
