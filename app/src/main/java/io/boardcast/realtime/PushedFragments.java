package io.boardcast.realtime;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The out-of-band swaps one event pushes, rendered from the very fragments the pages are built from (each is told
 * {@code oob = true}, so its root carries {@code hx-swap-oob}).
 */
public final class PushedFragments {

    private final ITemplateEngine templates;
    private final StringBuilder html = new StringBuilder();

    PushedFragments(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** Renders {@code selector} of {@code template} (e.g. {@code "task/fragments"}, {@code "card"}) with the model. */
    public PushedFragments add(String template, String selector, Map<String, ?> model) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("oob", true);
        html.append(templates.process(template, Set.of(selector), new Context(Locale.ENGLISH, variables)));
        return this;
    }

    /** What screen readers hear: the message {@code announce.<kind>} (from the module's bundle in i18n/) with a name. */
    public PushedFragments announce(String kind, String name) {
        return add("realtime/fragments", "announcement", Map.of("kind", kind, "title", name == null ? "" : name));
    }

    String html() {
        return html.toString();
    }
}
