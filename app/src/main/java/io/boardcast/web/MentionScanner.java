package io.boardcast.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code @name} in a piece of plain text. A name is what a username may be (3 to 40 of letters, digits, dots,
 * dashes and underscores, see {@code account.SignupForm}); the {@code @} must not follow a word character or another
 * {@code @} (so {@code bob@example.com} mentions nobody), and dots at the end are the sentence's, not the name's.
 * Names are compared as typed: usernames are case-sensitive.
 */
final class MentionScanner {

    private static final Pattern CANDIDATE = Pattern.compile("(?<![\\w@])@([A-Za-z0-9._-]+)");
    private static final int SHORTEST = 3;
    private static final int LONGEST = 40;

    /** One mention: the name, and where {@code @name} starts and ends in the text. */
    record Found(String name, int start, int end) {
    }

    private MentionScanner() {
    }

    /** The mentions in the text, in order (a name may occur more than once). */
    static List<Found> scan(String text) {
        List<Found> found = new ArrayList<>();
        Matcher matcher = CANDIDATE.matcher(text);
        while (matcher.find()) {
            String name = matcher.group(1);
            int trailingDots = 0;
            while (trailingDots < name.length() && name.charAt(name.length() - 1 - trailingDots) == '.') {
                trailingDots++;
            }
            name = name.substring(0, name.length() - trailingDots);
            if (name.length() >= SHORTEST && name.length() <= LONGEST) {
                found.add(new Found(name, matcher.start(), matcher.start() + 1 + name.length()));
            }
        }
        return found;
    }
}
