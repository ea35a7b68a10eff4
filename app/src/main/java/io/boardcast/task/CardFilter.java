package io.boardcast.task;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriUtils;

/**
 * What a board page is narrowed to, from its query: {@code q} (in the title, the description or a comment, ignoring
 * case), {@code label} (a label's id or name; repeated: cards with every one), {@code assignee} (a member's username,
 * {@code me}, or {@code nobody}) and {@code due} ({@code overdue}, {@code soon} or {@code none}). Blank parts don't
 * narrow; the search is cut to {@value #MAX_TEXT} characters, names to {@value #MAX_NAME}, labels to {@value #MAX_LABELS}. Written as {@link #query}, the same filter names the page's live stream, so pushed cards keep to it.
 */
public record CardFilter(String q, List<String> labels, String assignee, String due) {

    static final int MAX_TEXT = 100;
    static final int MAX_NAME = 40;
    static final int MAX_LABELS = 10;
    static final List<String> DUE_STATES = List.of("overdue", "soon", "none");
    static final String ME = "me";
    static final String NOBODY = "nobody";

    public static final CardFilter NONE = new CardFilter("", List.of(), "", "");

    public CardFilter {
        // Cut to size rather than refused: a bookmark with a long search still opens the board.
        q = cut(q, MAX_TEXT);
        labels = labels == null ? List.of()
                : labels.stream().filter(label -> label != null && !label.isBlank()).map(label -> cut(label, MAX_NAME))
                        .distinct().limit(MAX_LABELS).toList();
        assignee = cut(assignee, MAX_NAME);
        due = cut(due, MAX_NAME).toLowerCase(Locale.ROOT);
    }

    /**
     * The filter a query string names: a stream's (see {@link #query}) or a page address's, as a browser writes it
     * ({@code +} for a space); anything unreadable narrows nothing.
     */
    static CardFilter parse(String query) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        for (String pair : (query == null ? "" : query).split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                params.add(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
            }
        }
        return new CardFilter(params.getFirst("q"), params.get("label"), params.getFirst("assignee"),
                params.getFirst("due"));
    }

    public boolean isEmpty() {
        return q.isEmpty() && labels.isEmpty() && assignee.isEmpty() && due.isEmpty();
    }

    /** The text to look for, ignoring case. */
    String text() {
        return q.toLowerCase(Locale.ROOT);
    }

    /** The assignee with {@code me} read as the given person: what the stream of that person's page filters by. */
    CardFilter as(String username) {
        return ME.equalsIgnoreCase(assignee) ? new CardFilter(q, labels, username, due) : this;
    }

    /** What is wrong with the filter, for the filter bar (parts that are wrong narrow as said there). */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!due.isEmpty() && !DUE_STATES.contains(due)) {
            problems.add("“" + due + "” is not a due date filter (overdue, soon or none); it is left out.");
        }
        return problems;
    }

    /** The filter as a query string, in a fixed order (empty for none): {@code q=…&label=…&assignee=…&due=…}. */
    public String query() {
        StringJoiner query = new StringJoiner("&");
        add(query, "q", q);
        labels.forEach(label -> add(query, "label", label));
        add(query, "assignee", assignee);
        add(query, "due", due);
        return query.toString();
    }

    /** The query's parts, for links that change one of them (remove a label, clear the search). */
    Map<String, Object> params() {
        return Map.of("q", q, "label", labels, "assignee", assignee, "due", due);
    }

    private static void add(StringJoiner query, String name, String value) {
        if (!value.isEmpty()) {
            // A literal plus is encoded too, so that the query reads back the same as a form-encoded one.
            query.add(name + "=" + UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8).replace("+", "%2B"));
        }
    }

    private static String cut(String value, int max) {
        String stripped = value == null ? "" : value.strip();
        return stripped.length() > max ? stripped.substring(0, max).strip() : stripped;
    }

    private static String decode(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return "";
        }
    }
}
