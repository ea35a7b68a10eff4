package io.boardcast.realtime;

import java.util.regex.Pattern;

/**
 * A {@link Signals signal} as instances exchange it: the board, the module's kind, a small payload the module reads
 * back (ids, counts; no user text needed), and when it was published.
 */
record SignalEvent(long boardId, String kind, String payload, long publishedAt) {

    private static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]{0,29}");

    SignalEvent {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("Not a kind of signal: " + kind);
        }
        payload = payload == null ? "" : payload;
    }

    /** The wire form: a version, the board, the time, the kind, and the payload last (read to the end). */
    String encode() {
        return String.join("|", "s1", Long.toString(boardId), Long.toString(publishedAt), kind, payload);
    }

    static SignalEvent decode(String message) {
        String[] f = message.split("\\|", 5);
        if (f.length != 5 || !"s1".equals(f[0])) {
            throw new IllegalArgumentException("Not a signal: " + message);
        }
        try {
            return new SignalEvent(Long.parseLong(f[1]), f[3], f[4], Long.parseLong(f[2]));
        } catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException("Not a signal: " + message, malformed);
        }
    }
}
