package io.boardcast.realtime;

/**
 * A committed {@link PersonalChange} as instances exchange it: ids only, rendered where it is delivered.
 *
 * @param publishedAt epoch millis when it was published
 */
record PersonalEvent(String username, long notificationId, long publishedAt) {

    /** The wire form: a version, two numbers and the username last (usernames never contain '|'). */
    String encode() {
        return String.join("|", "p1", Long.toString(notificationId), Long.toString(publishedAt), username);
    }

    static PersonalEvent decode(String message) {
        String[] f = message.split("\\|", 4);
        if (f.length != 4 || !"p1".equals(f[0]) || f[3].isEmpty()) {
            throw new IllegalArgumentException("Not a personal event: " + message);
        }
        try {
            return new PersonalEvent(f[3], Long.parseLong(f[1]), Long.parseLong(f[2]));
        } catch (NumberFormatException malformed) {
            throw new IllegalArgumentException("Not a personal event: " + message, malformed);
        }
    }
}
