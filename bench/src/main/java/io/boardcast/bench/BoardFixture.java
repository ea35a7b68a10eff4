package io.boardcast.bench;

import io.boardcast.testsupport.AppProcess;
import io.boardcast.testsupport.SseClient;
import io.boardcast.testsupport.WebSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One board with an owner (who also edits), a few tasks, and viewer accounts signed in beforehand. Viewers share
 * {@code accounts} sessions round-robin: signing in is a BCrypt hash on the server, and thousands of them would
 * make the setup, not the streams, the slow part. The server authorizes each stream separately either way.
 */
final class BoardFixture {

    final WebSession owner;
    final List<WebSession> viewers;
    final long boardId;
    final long taskId;
    final List<Long> columns;

    private BoardFixture(WebSession owner, List<WebSession> viewers, long boardId, long taskId, List<Long> columns) {
        this.owner = owner;
        this.viewers = viewers;
        this.boardId = boardId;
        this.taskId = taskId;
        this.columns = columns;
    }

    static BoardFixture create(HttpClient http, List<AppProcess> apps, int accounts, int tasks, String runId)
            throws Exception {
        String base = apps.get(0).baseUrl();
        String password = "bench-password";
        WebSession owner = WebSession.signUpAndLogIn(http, base, "owner-" + runId, password);
        long boardId = owner.createBoard(base, "Bench " + runId);
        for (int t = 1; t <= tasks; t++) {
            owner.createTask(base, boardId, "Bench task " + t + " with a title of a usual length");
        }
        String page = owner.boardPage(base, boardId);
        List<Long> columns = WebSession.ids(page, "column");
        List<Long> taskIds = WebSession.ids(page, "task");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<WebSession>> signIns = new ArrayList<>();
            for (int i = 0; i < accounts; i++) {
                String name = "viewer-" + i + "-" + runId;
                String instance = apps.get(i % apps.size()).baseUrl();
                signIns.add(pool.submit(() -> WebSession.signUpAndLogIn(http, instance, name, password)));
            }
            List<WebSession> viewers = new ArrayList<>();
            for (Future<WebSession> signIn : signIns) {
                WebSession viewer = signIn.get();
                owner.addMember(base, boardId, viewer.username(), "VIEWER");
                viewers.add(viewer);
            }
            return new BoardFixture(owner, viewers, boardId, taskIds.get(0), columns);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Viewer i's stream request, to instance i mod apps: the split a load balancer would make. */
    List<HttpRequest> streamRequests(int n, List<AppProcess> apps) {
        List<HttpRequest> requests = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            requests.add(streamRequest(apps.get(i % apps.size()), viewers.get(i % viewers.size())));
        }
        return requests;
    }

    HttpRequest streamRequest(AppProcess app, WebSession viewer) {
        return SseClient.request(app.baseUrl(), boardId, viewer.cookie(), null).timeout(Duration.ofSeconds(60)).build();
    }

    HttpRequest pageRequest(AppProcess app, WebSession viewer) {
        return HttpRequest.newBuilder(URI.create(app.baseUrl() + "/boards/" + boardId))
                .timeout(Duration.ofSeconds(30)).header("Cookie", "SESSION=" + viewer.cookie()).build();
    }

    long nextSeq(AppProcess app) {
        return WebSession.lastEventId(owner.boardPage(app.baseUrl(), boardId)) + 1;
    }
}
