package io.boardcast.realtime;

/**
 * One browser's open board stream as other modules may see it (for {@link StreamListener}s): who, which board and
 * page. {@code id} is unique to this stream on every instance; {@code page} is what the page calls itself (the same
 * across its reconnects, so a request from that page can name its streams); {@code taskId} is the task a task page
 * shows as the page said it (0 for none; unchecked here: a listener that cares checks it belongs to the board).
 */
public record OpenStream(String id, String page, long boardId, long taskId, String username, PageView view) {
}
