package io.boardcast.presence;

import java.util.Arrays;
import java.util.Locale;

/**
 * Someone in a presence list: their name (the accessible text), the initials in their circle, a colour picked from
 * the name (one of {@link #COLOURS} classes, the same on every page and instance) and whether they are editing.
 */
public record Person(String username, boolean editing) {

    static final int COLOURS = 8;

    /** Up to two letters: the first of each of the name's first two parts ({@code mary-jane} → MJ), else one. */
    public String initials() {
        String[] parts = Arrays.stream(username.split("[._\\-\\s]+")).filter(part -> !part.isEmpty())
                .toArray(String[]::new);
        if (parts.length == 0) {
            return "?";
        }
        String initials = parts.length == 1 ? first(parts[0]) : first(parts[0]) + first(parts[1]);
        return initials.toUpperCase(Locale.ROOT);
    }

    /** {@code avatar-0} … {@code avatar-7}. */
    public String colour() {
        return "avatar-" + Math.floorMod(username.hashCode(), COLOURS);
    }

    private static String first(String part) {
        return part.substring(0, part.offsetByCodePoints(0, 1));
    }
}
