package io.boardcast.faults;

import io.boardcast.testsupport.AppProcess;
import io.boardcast.testsupport.AppSettings;
import io.boardcast.testsupport.RedisServer;
import io.boardcast.testsupport.TestDatabase;
import io.boardcast.testsupport.WebSession;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Everything a run stands on: its own database, its own Redis, two app instances, an owner who edits and a viewer
 * account who watches. Closes in reverse: instances, Redis, then the database.
 */
final class Stage implements AutoCloseable {

    static final String PASSWORD = "faults-password";

    /** A board made for one row: its id, its first two columns, its tasks. */
    record Board(long id, long todo, long doing, List<Long> tasks) {
    }

    final String runId = "f" + System.currentTimeMillis();
    final TestDatabase db;
    final RedisServer redis;
    final List<AppProcess> apps = new ArrayList<>();
    final HttpClient http = WebSession.newHttpClient();
    /** Streams on clients of their own, so thousands of them never slow the editors' requests. */
    final List<HttpClient> streamClients = List.of(WebSession.newHttpClient(), WebSession.newHttpClient(),
            WebSession.newHttpClient(), WebSession.newHttpClient());
    final ScheduledExecutorService reconnects = Executors.newScheduledThreadPool(2, daemon("faults-reconnect"));
    final WebSession owner;
    final WebSession viewer;
    private final AtomicInteger boards = new AtomicInteger();
    private final AtomicInteger next = new AtomicInteger();

    private Stage(Path workDir) {
        db = TestDatabase.create("boardcast_faults_");
        AppSettings settings = AppSettings.forRun("faults", db);
        RedisServer startedRedis = null;
        try {
            startedRedis = RedisServer.onFreePort(workDir.resolve("redis-" + runId)).start();
            redis = startedRedis;
            for (String name : List.of("app-a", "app-b")) {
                // One at a time: the first one's Flyway migration must finish before the second looks.
                // Stream caps raised: rows f and g must meet thousands of real streams from a few sessions, not
                // 429s (the caps themselves are tested in the app's StreamHardeningIT).
                apps.add(AppProcess.builder(name, settings).redis("127.0.0.1", redis.port())
                        .args(List.of("--boardcast.realtime.max-streams-per-session=10000",
                                "--boardcast.realtime.max-streams-per-user=10000"))
                        .logDir(workDir.resolve("logs-" + runId)).start());
            }
            owner = WebSession.signUpAndLogIn(http, a().baseUrl(), "owner-" + runId, PASSWORD);
            viewer = WebSession.signUpAndLogIn(http, b().baseUrl(), "viewer-" + runId, PASSWORD);
        } catch (RuntimeException e) {
            apps.forEach(AppProcess::kill);
            if (startedRedis != null) {
                startedRedis.close();
            }
            db.close();
            throw e;
        }
    }

    static Stage start(Path workDir) {
        return new Stage(workDir);
    }

    AppProcess a() {
        return apps.get(0);
    }

    AppProcess b() {
        return apps.get(1);
    }

    HttpClient streamClient() {
        return streamClients.get(Math.floorMod(next.getAndIncrement(), streamClients.size()));
    }

    /** A board of the owner's with {@code tasks} tasks, the viewer a member. */
    Board board(String purpose, int tasks) {
        String base = a().baseUrl();
        long id = owner.createBoard(base, purpose + " " + boards.incrementAndGet());
        owner.addMember(base, id, viewer.username(), "VIEWER");
        for (int t = 1; t <= tasks; t++) {
            owner.createTask(base, id, purpose + " task " + t);
        }
        String page = owner.boardPage(base, id);
        List<Long> columns = WebSession.ids(page, "column");
        return new Board(id, columns.get(0), columns.get(1), WebSession.ids(page, "task"));
    }

    /** The board's committed sequence, from the database (the truth). */
    long lastSeq(long boardId) {
        return db.queryLong("select coalesce(max(seq), 0) from board_events where board_id = ?", boardId);
    }

    /** A viewer on {@code instance} from the board's current sequence, as a page just loaded would be. */
    LiveViewer watch(String name, Board board, int instance, boolean recordArrivals) throws InterruptedException {
        long from = WebSession.lastEventId(viewer.boardPage(apps.get(instance).baseUrl(), board.id()));
        LiveViewer live = new LiveViewer(name, streamClient(), viewer, apps, instance, board.id(), from, reconnects,
                recordArrivals).open();
        if (!live.awaitOpen()) {
            throw new IllegalStateException(name + " could not open its stream on " + apps.get(instance).name());
        }
        return live;
    }

    /** A form post as the owner, through an instance. */
    WebSession.Answer post(int instance, String path, Map<String, String> fields) {
        return owner.post(apps.get(instance).baseUrl() + path, fields);
    }

    static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        reconnects.shutdownNow();
        apps.forEach(AppProcess::stop);
        redis.close();
        db.close(); // last: DROP ... WITH (FORCE) would otherwise break the apps' connections mid-shutdown
    }
}
