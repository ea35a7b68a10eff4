package io.boardcast.bench;

import io.boardcast.testsupport.WebSession;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * The editor: moves one task back and forth between two columns, through the instances in turn, like a user whose
 * load balancer sends each request somewhere else. Each successful move commits exactly one event.
 */
final class TaskMover implements Publisher {

    private final HttpClient http;
    private final WebSession editor;
    private final List<String> baseUrls;
    private final long boardId;
    private final long taskId;
    private final long[] columns;
    private long version;
    private int moves;
    int conflicts;

    TaskMover(HttpClient http, WebSession editor, List<String> baseUrls, long boardId, long taskId, long fromColumn,
            long toColumn, long version) {
        this.http = http;
        this.editor = editor;
        this.baseUrls = baseUrls;
        this.boardId = boardId;
        this.taskId = taskId;
        this.columns = new long[] {fromColumn, toColumn};
        this.version = version;
    }

    @Override
    public boolean publish(long seq) throws IOException, InterruptedException {
        String baseUrl = baseUrls.get(moves % baseUrls.size());
        long target = columns[(int) ((version + 1) % 2)];
        HttpResponse<Void> response = http.send(editor.request(baseUrl + "/boards/" + boardId + "/tasks/" + taskId + "/move")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(WebSession.form(editor.withCsrf(Map.of("columnId", Long.toString(target),
                                "version", Long.toString(version)))))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        moves++;
        if (response.statusCode() == 302) {
            version++;
            return true;
        }
        if (response.statusCode() == 409) {
            conflicts++;
        }
        return false;
    }

    long version() {
        return version;
    }
}
