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
 * One person's browser, minus the JavaScript: its cookies (the session's, whichever store holds it), the CSRF token
 * scraped from the last page that had one (from {@code /login} when none has yet), plain form posts and htmx requests.
 * A session may be bound to an instance's base URL, so requests name a path; a full URL goes where it says, so one
 * session can post through either instance, as behind a load balancer. {@link #at} and {@link #from} are the same
 * browser (same cookies) talking to another instance or seen through a proxy from another address.
 */
public final class WebSession {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern LAST_EVENT_ID = Pattern.compile("data-last-event-id=\"(\\d+)\"");
    private static final Pattern COLUMN_NAME = Pattern.compile("id=\"column-(\\d+)-name\">([^<]+)<");
    /** What a browser sends for a navigation, and what htmx sends for its requests. */
    private static final String ACCEPT_PAGE = "text/html,application/xhtml+xml,*/*;q=0.8";
    private static final String ACCEPT_HTMX = "*/*";

    /** A status, the body and the redirect target if any. */
    public record Answer(int status, String body, String location) {

        public boolean redirected() {
            return status == 302 || status == 303;
        }
    }

    /** What the views of one browser share: who it is, its cookies and its CSRF token. */
    private static final class Jar {
        private volatile String username;
        private final Map<String, String> cookies = new LinkedHashMap<>();
        private volatile String csrf;
    }

    private final HttpClient http;
    private final String baseUrl;
    private final String clientAddress;
    private final Jar jar;

    private WebSession(HttpClient http, String baseUrl, String clientAddress, Jar jar) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.clientAddress = clientAddress;
        this.jar = jar;
    }

    /** A session on a shared client, bound to no instance: every request names a full URL. */
    public WebSession(HttpClient http, String username) {
        this(http, null, null, new Jar());
        jar.username = username;
    }

    /** A fresh browser talking to {@code baseUrl}: an HTTP client of its own, no cookies yet. */
    public static WebSession newBrowser(String baseUrl) {
        return new WebSession(newHttpClient(), baseUrl, null, new Jar());
    }

    /** An HTTP/1.1 client that never follows redirects; one is enough for many sessions. */
    public static HttpClient newHttpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Signs up (a name already taken is fine), then signs in, through {@code baseUrl}. */
    public static WebSession signUpAndLogIn(HttpClient http, String baseUrl, String username, String password) {
        WebSession session = new WebSession(http, baseUrl, null, new Jar());
        session.signUp(username, password);
        session.signIn(username, password);
        return session;
    }

    /** The same browser (same cookies, so the same session) talking to another instance. */
    public WebSession at(String otherBaseUrl) {
        return new WebSession(http, otherBaseUrl, clientAddress, jar);
    }

    /**
     * The same browser seen through a local proxy (as nginx forwards it): the app takes {@code address} from
     * X-Forwarded-For as the client's address, so tests can be different clients without different machines.
     */
    public WebSession from(String address) {
        return new WebSession(http, baseUrl, address, jar);
    }

    /** Posts the sign-up form; the answer says whether it worked (a redirect to {@code /login?signedUp}). */
    public Answer signUp(String username, String password) {
        get("/signup");
        return post("/signup", Map.of("username", username, "password", password));
    }

    /** Signs in; fails unless the app redirects somewhere other than the error page. */
    public WebSession signIn(String username, String password) {
        get("/login");
        Answer login = post("/login", Map.of("username", username, "password", password));
        if (login.status() != 302 || login.location().contains("error")) {
            throw new IllegalStateException("Could not sign in as " + username + ": " + login.status() + " "
                    + login.location());
        }
        jar.username = username;
        // Signing in rotates the session and its CSRF token: pick up the new one.
        get("/boards");
        return this;
    }

    public String username() {
        return jar.username;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public HttpClient client() {
        return http;
    }

    /** The {@code SESSION} cookie's value (Spring Session in Redis), or null. */
    public String cookie() {
        return cookies().get("SESSION");
    }

    /** The Cookie header this browser sends, for requests built by hand. */
    public String cookieHeader() {
        return cookies().entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    /** The CSRF token of the last page that had one. */
    public String csrf() {
        return jar.csrf;
    }

    /** A CSRF token fresh from the sign-in page (which every session may see). */
    public String csrfToken() {
        Answer page = get("/login");
        if (jar.csrf == null) {
            throw new IllegalStateException("No CSRF token on the login page (" + page.status() + ")");
        }
        return jar.csrf;
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

    /** Creates a task in a column through the plain form and returns its id (titles unique on the board). */
    public long createTask(String baseUrl, long boardId, String title, long columnId) {
        expectRedirect(post(baseUrl + "/boards/" + boardId + "/tasks",
                Map.of("title", title, "columnId", Long.toString(columnId))));
        return taskId(boardPage(baseUrl, boardId), boardId, title);
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

    /** A board page's columns, name to id, in page order. */
    public static Map<String, Long> columns(String html) {
        Map<String, Long> columns = new LinkedHashMap<>();
        Matcher column = COLUMN_NAME.matcher(html);
        while (column.find()) {
            columns.put(column.group(2), Long.parseLong(column.group(1)));
        }
        return columns;
    }

    /** The id of the card titled {@code title} on a board page (the link may have attributes after its href). */
    public static long taskId(String html, long boardId, String title) {
        Matcher card = Pattern.compile("href=\"/boards/" + boardId + "/tasks/(\\d+)\"[^>]*>" + Pattern.quote(title) + "</a>")
                .matcher(html);
        if (!card.find()) {
            throw new IllegalStateException("No card titled " + title + " on board " + boardId);
        }
        return Long.parseLong(card.group(1));
    }

    /** The sequence a board page was rendered at, where its stream starts. */
    public static long lastEventId(String html) {
        Matcher m = LAST_EVENT_ID.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("No data-last-event-id on the board page");
        }
        return Long.parseLong(m.group(1));
    }

    /** The CSRF token a page carries (its meta tag, else a form's hidden field), or null. */
    public static String csrfIn(String html) {
        Matcher meta = CSRF_META.matcher(html);
        if (meta.find()) {
            return meta.group(1);
        }
        Matcher field = CSRF_FIELD.matcher(html);
        return field.find() ? field.group(1) : null;
    }

    /** A page, as a browser navigates to it. */
    public Answer get(String pathOrUrl) {
        return send(request(pathOrUrl).header("Accept", ACCEPT_PAGE).GET());
    }

    /** A link followed by htmx ({@code hx-get}): the HX-Request header, so the answer is fragments. */
    public Answer htmxGet(String pathOrUrl) {
        return send(request(pathOrUrl).header("Accept", ACCEPT_HTMX).header("HX-Request", "true").GET());
    }

    /** Posts a form with this session's CSRF token, as the page's form would. */
    public Answer post(String pathOrUrl, Map<String, String> fields) {
        return postWithoutCsrf(pathOrUrl, withCsrf(fields));
    }

    /** The same form posted by htmx: HX-Request header, the token in a header rather than the body. */
    public Answer htmxPost(String pathOrUrl, Map<String, String> fields) {
        String token = csrfOrFetch();
        return send(request(pathOrUrl).header("Accept", ACCEPT_HTMX).header("HX-Request", "true")
                .header("X-CSRF-TOKEN", token).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(fields)));
    }

    /**
     * Posts a multipart form, as a form with {@code enctype="multipart/form-data"} would: the fields (this session's
     * CSRF token among them) and one file under {@code fileField}.
     */
    public Answer postFile(String pathOrUrl, Map<String, String> fields, String fileField, String fileName,
            String contentType, byte[] content) {
        return postMultipart(pathOrUrl, withCsrf(fields), fileField, fileName, contentType, content);
    }

    /** The same with exactly the given fields: no CSRF token unless they hold one. */
    public Answer postMultipart(String pathOrUrl, Map<String, String> fields, String fileField, String fileName,
            String contentType, byte[] content) {
        String boundary = "----boardcast" + Long.toHexString(System.nanoTime());
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(utf8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(utf8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(utf8));
        return send(request(pathOrUrl).header("Accept", ACCEPT_PAGE)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Posts exactly the given fields: no CSRF token unless they hold one (a forged or missing token). */
    public Answer postWithoutCsrf(String pathOrUrl, Map<String, String> fields) {
        return postRaw(pathOrUrl, fields, false);
    }

    /** A post exactly as given, as a plain form or (htmx) with the HX-Request header: no token added. */
    public Answer postRaw(String pathOrUrl, Map<String, String> fields, boolean htmx) {
        HttpRequest.Builder request = request(pathOrUrl).header("Accept", htmx ? ACCEPT_HTMX : ACCEPT_PAGE)
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (htmx) {
            request.header("HX-Request", "true");
        }
        return send(request.POST(form(fields)));
    }

    /** Sends a request built from {@link #request(String)}; remembers the cookies and the CSRF token it carries. */
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

    /**
     * A request for a path on this session's instance (or a full URL) with its cookies, its forwarded address if any,
     * and a 30 s timeout; add headers before sending.
     */
    public HttpRequest.Builder request(String pathOrUrl) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathOrUrl)).timeout(Duration.ofSeconds(30));
        String cookies = cookieHeader();
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        if (clientAddress != null) {
            request.header("X-Forwarded-For", clientAddress);
        }
        return request;
    }

    /** A path on this session's instance, or a full URL as it is. */
    public URI uri(String pathOrUrl) {
        if (pathOrUrl.startsWith("/")) {
            if (baseUrl == null) {
                throw new IllegalStateException("A session bound to no instance needs a full URL, not " + pathOrUrl);
            }
            return URI.create(baseUrl + pathOrUrl);
        }
        return URI.create(pathOrUrl);
    }

    public Map<String, String> withCsrf(Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrfOrFetch());
        return all;
    }

    public static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&")));
    }

    private String csrfOrFetch() {
        String token = jar.csrf;
        return token != null ? token : csrfToken();
    }

    private Map<String, String> cookies() {
        synchronized (jar.cookies) {
            return new LinkedHashMap<>(jar.cookies);
        }
    }

    private void remember(HttpResponse<String> response) {
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            int equals = setCookie.indexOf('=');
            int end = setCookie.indexOf(';');
            String name = setCookie.substring(0, equals).strip();
            String value = setCookie.substring(equals + 1, end < 0 ? setCookie.length() : end);
            boolean expired = value.isEmpty() || setCookie.toLowerCase().contains("max-age=0");
            synchronized (jar.cookies) {
                if (expired) {
                    jar.cookies.remove(name);
                } else {
                    jar.cookies.put(name, value);
                }
            }
        }
        String body = response.body();
        String token = body == null ? null : csrfIn(body);
        if (token != null) {
            jar.csrf = token;
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
