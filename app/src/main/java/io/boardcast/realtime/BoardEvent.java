package io.boardcast.realtime;

import java.util.regex.Pattern;

/**
 * One logged change: a row of the board's event log, the message instances exchange, and the `id:` viewers resume
 * from. Ids only; fragments are rendered from the current state of the database.
 *
 * @param kind          the owning module's name for the change
 * @param endsStreamsOf the username whose streams end with this event (null for most)
 * @param publishedAt   epoch millis when the message was published (0 for events read back from the log)
 */
public record BoardEvent(long boardId, long seq, String kind, long taskId, Long commentId, long columnId,
        Long previousColumnId, String endsStreamsOf, long publishedAt) {

    private static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]{0,29}");

    public BoardEvent {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("Not a kind of change: " + kind);
        }
    }

    static BoardEvent of(BoardChange change, long seq) {
        return new BoardEvent(change.boardId(), seq, change.kind(), change.taskId(), change.commentId(),
                change.columnId(), change.previousColumnId(), change.endsStreamsOf(), 0);
    }

    BoardEvent publishedAt(long epochMillis) {
        return new BoardEvent(boardId, seq, kind, taskId, commentId, columnId, previousColumnId, endsStreamsOf,
                epochMillis);
    }

    /** A compact wire form; no JSON needed for nine fields (kinds and usernames never contain '|'). */
    String encode() {
        return String.join("|", "2", Long.toString(boardId), Long.toString(seq), kind, Long.toString(taskId),
                String.valueOf(commentId), Long.toString(columnId), String.valueOf(previousColumnId),
                String.valueOf(endsStreamsOf), Long.toString(publishedAt));
    }

    static BoardEvent decode(String message) {
        String[] f = message.split("\\|", -1);
        if (f.length != 10 || !"2".equals(f[0])) {
            throw new IllegalArgumentException("Not a board event: " + message);
        }
        try {
            return new BoardEvent(Long.parseLong(f[1]), Long.parseLong(f[2]), f[3],
                    Long.parseLong(f[4]), nullableLong(f[5]), Long.parseLong(f[6]), nullableLong(f[7]),
                    "null".equals(f[8]) ? null : f[8], Long.parseLong(f[9]));
        } catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException("Not a board event: " + message, malformed);
        }
    }

    private static Long nullableLong(String field) {
        return "null".equals(field) ? null : Long.valueOf(field);
    }
}
