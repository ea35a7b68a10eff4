package io.boardcast.presence;

import java.util.regex.Pattern;

/**
 * One open stream's entry in a board's presence.
 *
 * @param id       the stream's own id (unique on every instance)
 * @param page     what the page behind it calls itself, so its requests (leaving, editing) can name it
 * @param username who
 * @param taskId   the task its page shows, 0 for the board or its activity
 * @param editing  whether focus is in the task page's edit form
 */
record Viewer(String id, String page, String username, long taskId, boolean editing) {

    private static final Pattern FIELD = Pattern.compile("[^|]+");

    Viewer {
        if (!FIELD.matcher(id).matches() || !FIELD.matcher(page).matches() || !FIELD.matcher(username).matches()) {
            throw new IllegalArgumentException("Not an entry: " + id + ", " + page + ", " + username);
        }
    }

    Viewer editing(boolean now) {
        return new Viewer(id, page, username, taskId, now);
    }

    /** As stored beside the id: {@code username|page|taskId|0 or 1}. */
    String encode() {
        return String.join("|", username, page, Long.toString(taskId), editing ? "1" : "0");
    }

    static Viewer decode(String id, String value) {
        String[] f = value.split("\\|");
        if (f.length != 4) {
            throw new IllegalArgumentException("Not an entry: " + value);
        }
        return new Viewer(id, f[1], f[0], Long.parseLong(f[2]), "1".equals(f[3]));
    }
}
