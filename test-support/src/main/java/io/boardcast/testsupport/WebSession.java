package io.boardcast.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * A user as a browser would be: the {@code SESSION} cookie (Spring Session in Redis, so it works on every instance)
 * and the CSRF token scraped from the last page's meta tag or form, sent as the {@code _csrf} field. Every request
 * names its instance's base URL, so one session can post through either instance, as behind a load balancer.
 */
public final class WebSession {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern LAST_EVENT_ID = Pattern.compile("data-last-event-id=\"(\\d+)\"");

    /** A status, the body and the redirect target if any. */
    public record Answer(int status, String body, String location) {

        public boolean redirected() {
            return status == 302 || status == 303;
        }
    }

    private final HttpClient http;
    private final String username;
    private volatile String cookie;
    private volatile String csrf;

    public WebSession(HttpClient http, String username) {
        this.http = http;
        this.username = username;
    }

    /** An HTTP/1.1 client for sessions; one is enough for many sessions. */
    public static HttpClient newHttpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Signs up (a name already taken is fine), then signs in, through {@code baseUrl}. */
    public static WebSession signUpAndLogIn(HttpClient http, String baseUrl, String username, String password) {
        WebSession session = new WebSession(http, username);
        session.get(baseUrl + "/signup");
        session.post(baseUrl + "/signup", Map.of("username", username, "password", password));
        session.logIn(baseUrl, password);
        return session;
    }

    /** Signs in; fails unless the app redirects somewhere other than the error page. */
    public void logIn(String baseUrl, String password) {
        get(baseUrl + "/login");
        Answer login = post(baseUrl + "/login", Map.of("username", username, "password", password));
        if (login.status() != 302 || login.location().contains("error")) {
            throw new IllegalStateException("Login failed for " + username + ": " + login.status() + " " + login.location());
        }
        // Signing in rotates the session and its CSRF token: pick up the new one.
        get(baseUrl + "/boards");
    }

    public String username() {
        return username;
    }

    public String cookie() {
        return cookie;
    }

    public String csrf() {
        return csrf;
    }

    /** Creates a board and returns its id. */
    public long createBoard(String baseUrl, String name) {
        Answer answer = expectRedirect(post(baseUrl + "/boards", Map.of("name", name)));
        return Long.parseLong(answer.location().substring(answer.location().lastIndexOf('/') + 1));
    }

    /** Adds a member by name with a role ({@code VIEWER}, {@code EDITOR}, {@code OWNER}). */
    public void addMember(String baseUrl, long boardId, String member, String role) {
        expectRedirect(post(baseUrl + "/boards/" + boardId + "/members", Map.of("username", member, "role", role)));
    }

    public void createTask(String baseUrl, long boardId, String title) {
        expectRedirect(post(baseUrl + "/boards/" + boardId + "/tasks", Map.of("title", title)));
    }

    /** The board page's HTML; fails unless 200. */
    public String boardPage(String baseUrl, long boardId) {
        Answer page = get(baseUrl + "/boards/" + boardId);
        if (page.status() != 200) {
            throw new IllegalStateException("Board page " + boardId + ": " + page.status());
        }
        return page.body();
    }

    /** The numeric ids of elements {@code id="<prefix>-<n>"} on a page, in page order. */
    public static List<Long> ids(String html, String prefix) {
        Matcher m = Pattern.compile("id=\"" + prefix + "-(\\d+)\"").matcher(html);
        List<Long> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    /** The sequence a board page was rendered at, where its stream starts. */
    public static long lastEventId(String html) {
        Matcher m = LAST_EVENT_ID.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("No data-last-event-id on the board page");
        }
        return Long.parseLong(m.group(1));
    }

    public Answer get(String url) {
        return send(request(url).GET());
    }

    /** Posts a form with this session's CSRF token, as the page's form would. */
    public Answer post(String url, Map<String, String> fields) {
        return postWithoutCsrf(url, withCsrf(fields));
    }

    /** Posts exactly the given fields: no CSRF token unless they hold one (a forged or missing token). */
    public Answer postWithoutCsrf(String url, Map<String, String> fields) {
        return send(request(url).header("Content-Type", "application/x-www-form-urlencoded").POST(form(fields)));
    }

    /** Sends a request built from {@link #request(String)}; remembers the cookie and the CSRF token it carries. */
    public Answer send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        remember(response);
        return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(""));
    }

    /** A request with this session's cookie and a 30 s timeout; add headers before sending. */
    public HttpRequest.Builder request(String url) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        String session = cookie;
        if (session != null) {
            request.header("Cookie", "SESSION=" + session);
        }
        return request;
    }

    public Map<String, String> withCsrf(Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        return all;
    }

    public static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&")));
    }

    private void remember(HttpResponse<String> response) {
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            if (setCookie.startsWith("SESSION=")) {
                int end = setCookie.indexOf(';');
                cookie = setCookie.substring("SESSION=".length(), end < 0 ? setCookie.length() : end);
            }
        }
        String body = response.body();
        if (body != null) {
            Matcher meta = CSRF_META.matcher(body);
            Matcher field = CSRF_FIELD.matcher(body);
            if (meta.find()) {
                csrf = meta.group(1);
            } else if (field.find()) {
                csrf = field.group(1);
            }
        }
    }

    private static Answer expectRedirect(Answer answer) {
        if (!answer.redirected()) {
            throw new IllegalStateException("Expected a redirect, got " + answer.status());
        }
        return answer;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
