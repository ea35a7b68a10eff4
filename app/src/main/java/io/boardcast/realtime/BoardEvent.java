package io.boardcast.realtime;

import java.util.regex.Pattern;

/**
 * One logged change: a row of the board's event log, the message instances exchange, and the `id:` viewers resume
 * from. Ids only; fragments are rendered from the current state of the database.
 *
 * @param kind          the owning module's name for the change
 * @param endsStreamsOf the username whose streams end with this event (null for most)
 * @param actor         who made the change (null: Boardcast itself, say a reminder)
 * @param title         the task's title as it was then (null when not about a task): it outlives a deleted task
 * @param publishedAt   epoch millis when the message was published (0 for events read back from the log)
 */
public record BoardEvent(long boardId, long seq, String kind, long taskId, Long commentId, long columnId,
        Long previousColumnId, String endsStreamsOf, String actor, String title, long publishedAt) {

    private static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]{0,29}");

    public BoardEvent {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("Not a kind of change: " + kind);
        }
    }

    /** An event nobody in particular made, about no title: what the real-time module's own tests mostly need. */
    public BoardEvent(long boardId, long seq, String kind, long taskId, Long commentId, long columnId,
            Long previousColumnId, String endsStreamsOf, long publishedAt) {
        this(boardId, seq, kind, taskId, commentId, columnId, previousColumnId, endsStreamsOf, null, null, publishedAt);
    }

    static BoardEvent of(BoardChange change, long seq, String actor, String title) {
        return new BoardEvent(change.boardId(), seq, change.kind(), change.taskId(), change.commentId(),
                change.columnId(), change.previousColumnId(), change.endsStreamsOf(), actor, title, 0);
    }

    BoardEvent publishedAt(long epochMillis) {
        return new BoardEvent(boardId, seq, kind, taskId, commentId, columnId, previousColumnId, endsStreamsOf, actor,
                title, epochMillis);
    }

    /**
     * A compact wire form; no JSON needed for a dozen fields. Kinds and usernames never contain '|'; the title, which
     * may, comes last and is read to the end. Version 2 (without actor and title) is still read, for a rolling upgrade.
     */
    String encode() {
        return String.join("|", "3", Long.toString(boardId), Long.toString(seq), kind, Long.toString(taskId),
                String.valueOf(commentId), Long.toString(columnId), String.valueOf(previousColumnId),
                String.valueOf(endsStreamsOf), Long.toString(publishedAt), String.valueOf(actor),
                title == null ? "\u0000" : title);
    }

    static BoardEvent decode(String message) {
        String[] f = message.split("\\|", message.startsWith("3|") ? 12 : -1);
        boolean v3 = f.length == 12 && "3".equals(f[0]);
        if (!v3 && (f.length != 10 || !"2".equals(f[0]))) {
            throw new IllegalArgumentException("Not a board event: " + message);
        }
        try {
            return new BoardEvent(Long.parseLong(f[1]), Long.parseLong(f[2]), f[3],
                    Long.parseLong(f[4]), nullableLong(f[5]), Long.parseLong(f[6]), nullableLong(f[7]),
                    nullable(f[8]), v3 ? nullable(f[10]) : null, v3 && !"\u0000".equals(f[11]) ? f[11] : null,
                    Long.parseLong(f[9]));
        } catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException("Not a board event: " + message, malformed);
        }
    }

    private static String nullable(String field) {
        return "null".equals(field) ? null : field;
    }

    private static Long nullableLong(String field) {
        return "null".equals(field) ? null : Long.valueOf(field);
    }
}
