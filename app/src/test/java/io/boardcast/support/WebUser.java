package io.boardcast.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One person's browser, minus the JavaScript: cookies, CSRF tokens from the pages, form posts, htmx posts. */
public final class WebUser {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient client;
    private final String clientAddress;

    public WebUser(String baseUrl) {
        this(baseUrl, HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build());
    }

    private WebUser(String baseUrl, HttpClient client) {
        this(baseUrl, client, null);
    }

    private WebUser(String baseUrl, HttpClient client, String clientAddress) {
        this.baseUrl = baseUrl;
        this.client = client;
        this.clientAddress = clientAddress;
    }

    /** The same browser (same cookies, so the same session) talking to another instance. */
    public WebUser at(String otherBaseUrl) {
        return new WebUser(otherBaseUrl, client, clientAddress);
    }

    /**
     * The same browser seen through a local proxy (as nginx forwards it): the app takes {@code address} from
     * X-Forwarded-For as the client's address, so tests can be different clients without different machines.
     */
    public WebUser from(String address) {
        return new WebUser(baseUrl, client, address);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public HttpClient client() {
        return client;
    }

    public WebUser signIn(String username, String password) {
        Page login = post("/login", Map.of("username", username, "password", password));
        if (login.status() != 302 || login.location().contains("error")) {
            throw new IllegalStateException("Could not sign in as " + username + ": " + login.status());
        }
        return this;
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), false);
    }

    /** A link followed by htmx ({@code hx-get}): the HX-Request header, so the answer is fragments. */
    public Page htmxGet(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("HX-Request", "true").GET(), true);
    }

    /** A plain form post, with the session's CSRF token (as a browser would send it). */
    public Page post(String path, Map<String, String> form) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put("_csrf", csrfToken());
        return postRaw(path, withToken, false);
    }

    /** The same form posted by htmx: HX-Request header, the token in a header rather than the body. */
    public Page htmxPost(String path, Map<String, String> form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("HX-Request", "true")
                .header("X-CSRF-TOKEN", csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        return send(request, true);
    }

    /** A post exactly as given: no token added. */
    public Page postRaw(String path, Map<String, String> form, boolean htmx) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        if (htmx) {
            request.header("HX-Request", "true");
        }
        return send(request, htmx);
    }

    public String csrfToken() {
        Page page = get("/login");
        Matcher matcher = CSRF_META.matcher(page.body());
        if (!matcher.find()) {
            throw new IllegalStateException("No CSRF token on the login page");
        }
        return matcher.group(1);
    }

    /** The Cookie header this browser would send, for clients built by hand. */
    public String cookieHeader() {
        return ((java.net.CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().get(uri("/")).stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
    }

    public URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private Page send(HttpRequest.Builder request, boolean htmx) {
        // What a browser sends for a navigation, and what htmx sends for its requests.
        request.header("Accept", htmx ? "*/*" : "text/html,application/xhtml+xml,*/*;q=0.8");
        if (clientAddress != null) {
            request.header("X-Forwarded-For", clientAddress);
        }
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public record Page(int status, String body, String location) {
    }
}
