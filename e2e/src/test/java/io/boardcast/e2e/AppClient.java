package io.boardcast.e2e;

import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Submits the app's plain forms over HTTP, sharing cookies with a browser context, for setting up what a test is
 * not about. Reads the CSRF token from the page the form is on, as a browser would.
 */
final class AppClient {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");

    private final APIRequestContext request;
    private final String baseUrl;

    AppClient(APIRequestContext request, String baseUrl) {
        this.request = request;
        this.baseUrl = baseUrl;
    }

    String baseUrl() {
        return baseUrl;
    }

    APIResponse get(String path) {
        return request.get(baseUrl + path);
    }

    String page(String path) {
        APIResponse response = get(path);
        if (response.status() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.status());
        }
        return response.text();
    }

    /** Posts a form found on {@code formPage}; redirects are followed, so the answer is the page landed on. */
    APIResponse submit(String formPage, String action, Map<String, String> fields) {
        FormData form = FormData.create().set("_csrf", csrfToken(page(formPage)));
        fields.forEach(form::set);
        APIResponse response = request.post(baseUrl + action, RequestOptions.create().setForm(form));
        if (response.status() >= 400) {
            throw new IllegalStateException("POST " + action + " answered " + response.status());
        }
        return response;
    }

    static String firstGroup(Pattern pattern, String html, String what) {
        Matcher matcher = pattern.matcher(html);
        if (!matcher.find()) {
            throw new IllegalStateException("No " + what + " in the page");
        }
        return matcher.group(1);
    }

    private static String csrfToken(String html) {
        return firstGroup(CSRF, html, "CSRF token");
    }
}
