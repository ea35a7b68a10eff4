package io.boardcast.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The app's one rule for htmx: a write handler answers a plain form post with a redirect (or the page with its
 * errors) and an htmx post with the fragments it changed, rendered from the same templates as the page.
 */
public final class Htmx {

    private Htmx() {
    }

    public static boolean isRequest(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }
}
