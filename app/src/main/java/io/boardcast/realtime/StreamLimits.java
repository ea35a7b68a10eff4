package io.boardcast.realtime;

import java.util.HashMap;
import java.util.Map;

/**
 * Caps the streams one session and one user may hold open on this instance, so nobody can exhaust its
 * connections or sender threads. A browser needs one stream per open board tab; beyond the cap it is told to wait.
 */
final class StreamLimits {

    /** Refused: the session or user is at its cap (answered with 429 and Retry-After). */
    static final class TooManyStreams extends RuntimeException {
        TooManyStreams() {
            super("Too many live views are open. Close some tabs, then reload.", null, false, false);
        }
    }

    private final int perSession;
    private final int perUser;
    private final Map<String, Integer> bySession = new HashMap<>();
    private final Map<String, Integer> byUser = new HashMap<>();

    StreamLimits(int perSession, int perUser) {
        this.perSession = perSession;
        this.perUser = perUser;
    }

    synchronized void acquire(String username, String sessionId) {
        if (byUser.getOrDefault(username, 0) >= perUser || bySession.getOrDefault(sessionId, 0) >= perSession) {
            throw new TooManyStreams();
        }
        byUser.merge(username, 1, Integer::sum);
        bySession.merge(sessionId, 1, Integer::sum);
    }

    synchronized void release(String username, String sessionId) {
        byUser.computeIfPresent(username, (user, count) -> count > 1 ? count - 1 : null);
        bySession.computeIfPresent(sessionId, (session, count) -> count > 1 ? count - 1 : null);
    }
}
