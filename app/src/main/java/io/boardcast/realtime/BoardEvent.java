package io.boardcast.realtime;

import io.boardcast.board.BoardChange;
import io.boardcast.board.ChangeKind;

/**
 * One logged change: a row of the board's event log, the message instances exchange, and the `id:` viewers resume
 * from. Ids only; fragments are rendered from the current state of the database.
 *
 * @param subject     the username a member change is about (null otherwise)
 * @param publishedAt epoch millis when the message was published (0 for events read back from the log)
 */
public record BoardEvent(long boardId, long seq, ChangeKind kind, long taskId, Long commentId, long columnId,
        Long previousColumnId, String subject, long publishedAt) {

    static BoardEvent of(BoardChange change, long seq) {
        return new BoardEvent(change.boardId(), seq, change.kind(), change.taskId(), change.commentId(),
                change.columnId(), change.previousColumnId(), change.subject(), 0);
    }

    BoardEvent publishedAt(long epochMillis) {
        return new BoardEvent(boardId, seq, kind, taskId, commentId, columnId, previousColumnId, subject,
                epochMillis);
    }

    /** A compact wire form; no JSON needed for nine fields (usernames never contain '|'). */
    String encode() {
        return String.join("|", "2", Long.toString(boardId), Long.toString(seq), kind.name(), Long.toString(taskId),
                String.valueOf(commentId), Long.toString(columnId), String.valueOf(previousColumnId),
                String.valueOf(subject), Long.toString(publishedAt));
    }

    static BoardEvent decode(String message) {
        String[] f = message.split("\\|", -1);
        if (f.length != 10 || !"2".equals(f[0])) {
            throw new IllegalArgumentException("Not a board event: " + message);
        }
        try {
            return new BoardEvent(Long.parseLong(f[1]), Long.parseLong(f[2]), ChangeKind.valueOf(f[3]),
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
