package io.boardcast.web;

import java.util.Locale;

/** SQL {@code LIKE} patterns for text typed by users, whose {@code %} and {@code _} mean themselves. */
public final class Like {

    /** The escape character the patterns use: queries say {@code like :pattern escape '\'}. */
    public static final char ESCAPE = '\\';

    private Like() {
    }

    /** A pattern for {@code lower(column)} that contains the text, ignoring case. */
    public static String containing(String text) {
        StringBuilder pattern = new StringBuilder("%");
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                pattern.append(ESCAPE);
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }
}
