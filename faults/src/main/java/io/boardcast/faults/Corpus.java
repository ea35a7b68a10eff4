package io.boardcast.faults;

import io.boardcast.testsupport.SseClient;
import io.boardcast.testsupport.WebSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * Bad input over HTTP, as browsers, scripts and attackers send it: oversize and control characters, markup where
 * text belongs, impossible and DST-edge dates, other boards' ids, wrong types, missing and forged CSRF tokens, stale
 * versions (also several at once), huge headers, malformed Last-Event-IDs. Every answer must be below 500 and
 * carry no stack trace; markup must come back escaped, on pages and on the stream.
 */
final class Corpus {

    /** One request and what came back. */
    record Outcome(String category, String name, int status, String problem, long millis) {
    }

    private static final Pattern STACK_TRACE = Pattern.compile(
            "(\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\([\\w$]+\\.java:\\d+\\))|(Exception:)|(\\bjava\\.lang\\.)|(org\\.springframework\\.)|(org\\.hibernate\\.)");
    /** Raw markup that must never come back unescaped. */
    private static final String XSS = "<script>boardcastXss()</script>";
    private static final List<String> MARKUP = List.of(XSS, "<img src=x onerror=boardcastXss()>",
            "\"><svg onload=boardcastXss()>", "<a href=\"javascript:boardcastXss()\">x</a>",
            "</textarea><script>boardcastXss()</script>", "'\"--></style></script><script>boardcastXss()</script>",
            "<iframe srcdoc=\"<script>boardcastXss()</script>\">", "{{7*7}}[[${7*7}]]<b>bold</b>");

    private final Stage stage;
    private final List<Outcome> outcomes = new ArrayList<>();
    private Stage.Board board;
    private long taskId;
    private String base;

    Corpus(Stage stage) {
        this.stage = stage;
    }

    List<Outcome> run() throws Exception {
        base = stage.a().baseUrl();
        board = stage.board("Corpus", 2);
        taskId = board.tasks().get(0);
        SseClient watcher = SseClient.open(stage.streamClient(), SseClient.request(base, board.id(),
                stage.viewer.cookie(), Long.toString(stage.lastSeq(board.id()))).build());
        watcher.awaitOpen(Duration.ofSeconds(30));
        try {
            oversize();
            controlCharacters();
            markup();
            dates();
            otherBoards();
            wrongTypes();
            csrf();
            staleVersions();
            headers();
            lastEventIds();
            routes();
            encodings();
            escapedOnPages();
            Thread.sleep(1000); // the stream's last events
            for (SseClient.Frame frame : watcher.frames()) {
                if (containsRawMarkup(frame.data())) {
                    outcomes.add(new Outcome("markup", "pushed event " + frame.id(), 200, "raw markup on the stream", 0));
                }
            }
            outcomes.add(new Outcome("markup", "stream carried events", 200,
                    watcher.frames().isEmpty() ? "no pushed events to check" : null, 0));
        } finally {
            watcher.close();
        }
        return outcomes;
    }

    private String task() {
        return "/boards/" + board.id() + "/tasks/" + taskId;
    }

    private String tasks() {
        return "/boards/" + board.id() + "/tasks";
    }

    private long version() {
        return stage.db.queryLong("select version from tasks where id = ?", taskId);
    }

    private Map<String, String> edit(String field, String value) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("title", "Corpus task", "description", "",
                "assignee", "", "dueAt", "", "zone", "UTC", "version", Long.toString(version())));
        fields.put(field, value);
        return fields;
    }

    private void oversize() {
        for (int n : List.of(201, 10_000, 200_000)) {
            post("oversize", "title " + n, tasks(), Map.of("title", "t".repeat(n)));
            post("oversize", "edit title " + n, task(), edit("title", "t".repeat(n)));
        }
        for (int n : List.of(10_001, 300_000)) {
            post("oversize", "description " + n, tasks(), Map.of("title", "ok", "description", "d".repeat(n)));
        }
        for (int n : List.of(5_001, 100_000)) {
            post("oversize", "comment " + n, task() + "/comments", Map.of("body", "c".repeat(n)));
        }
        post("oversize", "board name 101", "/boards", Map.of("name", "b".repeat(101)));
        post("oversize", "board name 100000", "/boards", Map.of("name", "b".repeat(100_000)));
        post("oversize", "assignee 10000", tasks(), Map.of("title", "ok", "assignee", "a".repeat(10_000)));
        post("oversize", "zone 10000", tasks(), Map.of("title", "ok", "dueAt", "2026-12-01T10:00", "zone", "Z".repeat(10_000)));
        post("oversize", "member name 10000", "/boards/" + board.id() + "/members", Map.of("username", "m".repeat(10_000), "role", "VIEWER"));
        postAnonymous("oversize", "signup username 10000", "/signup", Map.of("username", "u".repeat(10_000), "password", "p"));
        postAnonymous("oversize", "signup password 100000", "/signup", Map.of("username", "long-pass-" + stage.runId, "password", "p".repeat(100_000)));
    }

    private void controlCharacters() {
        List<String> controls = List.of("nul\u0000byte", "bell\u0007", "esc\u001b[31mred", "cr\rlf\nline",
                "rtl\u202eevil", "bom\ufeffstart", "nonchar\uffff", "tab\tvt\u000bff\u000c", "del\u007f",
                "lone \ud800 surrogate");
        for (String c : controls) {
            post("control", "title " + printable(c), tasks(), Map.of("title", c));
            post("control", "comment " + printable(c), task() + "/comments", Map.of("body", c));
        }
        raw("control", "invalid UTF-8 title", "POST", tasks(), "title=%FF%FE%FD&_csrf=" + stage.owner.csrf(),
                "application/x-www-form-urlencoded");
        raw("control", "invalid UTF-8 comment", "POST", task() + "/comments", "body=%C0%AF%ED%A0%80&_csrf=" + stage.owner.csrf(),
                "application/x-www-form-urlencoded");
    }

    private void markup() {
        for (String m : MARKUP) {
            post("markup", "title " + m, tasks(), Map.of("title", m, "description", m));
            post("markup", "comment " + m, task() + "/comments", Map.of("body", m));
        }
        post("markup", "edit title", task(), edit("title", XSS));
        post("markup", "board name", "/boards", Map.of("name", XSS));
        post("markup", "assignee", tasks(), Map.of("title", "ok", "assignee", XSS));
        post("markup", "zone", tasks(), Map.of("title", "ok", "dueAt", "2026-12-01T10:00", "zone", XSS));
    }

    private void dates() {
        List<String[]> cases = List.of(
                new String[] {"2026-13-45T99:99", "UTC"},
                new String[] {"2026-10-25T02:30", "Europe/Berlin"}, // the fall-back hour: happens twice
                new String[] {"2026-10-25T02:00", "Europe/Berlin"},
                new String[] {"2026-10-25T02:59:59", "Europe/Berlin"},
                new String[] {"2026-03-29T02:30", "Europe/Berlin"}, // the spring-forward gap: never happens
                new String[] {"2026-11-01T01:30", "America/New_York"},
                new String[] {"2026-02-30T10:00", "UTC"},
                new String[] {"2027-02-29T10:00", "UTC"},
                new String[] {"0000-01-01T00:00", "UTC"},
                new String[] {"+999999999-12-31T23:59", "UTC"},
                new String[] {"-999999999-01-01T00:00", "UTC"},
                new String[] {"9999-12-31T23:59:59.999999999", "Pacific/Kiritimati"},
                new String[] {"tomorrow", "UTC"},
                new String[] {"2026-12-01", "UTC"},
                new String[] {"2026-12-01T10:00Z", "UTC"},
                new String[] {"2026-12-01T10:00", "Mars/Olympus_Mons"},
                new String[] {"2026-12-01T10:00", ""},
                new String[] {"2026-12-01T10:00", "UTC+25:00"},
                new String[] {"2026-12-01T10:00", "../../etc/passwd"},
                new String[] {"2026-12-01T10:00", "GMT+14"},
                new String[] {"1970-01-01T00:00", "Etc/GMT-14"});
        for (String[] c : cases) {
            post("dates", "create dueAt " + c[0] + " zone " + c[1], tasks(), Map.of("title", "due", "dueAt", c[0], "zone", c[1]));
        }
        post("dates", "edit dueAt fall-back hour", task(), withDue(edit("title", "due"), "2026-10-25T02:30", "Europe/Berlin"));
        post("dates", "edit dueAt impossible", task(), withDue(edit("title", "due"), "2026-13-45T99:99", "UTC"));
    }

    private static Map<String, String> withDue(Map<String, String> fields, String dueAt, String zone) {
        fields.put("dueAt", dueAt);
        fields.put("zone", zone);
        return fields;
    }

    private void otherBoards() {
        WebSession stranger = WebSession.signUpAndLogIn(stage.http, base, "stranger-" + stage.runId, Stage.PASSWORD);
        long theirs = stranger.createBoard(base, "Not yours");
        stranger.createTask(base, theirs, "Their task");
        List<Long> theirColumns = WebSession.ids(stranger.boardPage(base, theirs), "column");
        long theirTask = WebSession.ids(stranger.boardPage(base, theirs), "task").get(0);
        get("other boards", "their board page", "/boards/" + theirs);
        get("other boards", "their task page", "/boards/" + theirs + "/tasks/" + theirTask);
        get("other boards", "their members page", "/boards/" + theirs + "/members");
        post("other boards", "create on their board", "/boards/" + theirs + "/tasks", Map.of("title", "sneaky"));
        post("other boards", "move their task", "/boards/" + theirs + "/tasks/" + theirTask + "/move", Map.of("columnId", Long.toString(theirColumns.get(1)), "version", "0"));
        post("other boards", "their task through our board", "/boards/" + board.id() + "/tasks/" + theirTask + "/move", Map.of("columnId", Long.toString(board.doing()), "version", "0"));
        post("other boards", "our task into their column", task() + "/move", Map.of("columnId", Long.toString(theirColumns.get(1)), "version", Long.toString(version())));
        post("other boards", "create in their column", tasks(), Map.of("title", "x", "columnId", Long.toString(theirColumns.get(0))));
        post("other boards", "comment on their task", "/boards/" + theirs + "/tasks/" + theirTask + "/comments", Map.of("body", "hi"));
        post("other boards", "comment on their task via our board", "/boards/" + board.id() + "/tasks/" + theirTask + "/comments", Map.of("body", "hi"));
        post("other boards", "delete their task", "/boards/" + theirs + "/tasks/" + theirTask + "/delete", Map.of());
        post("other boards", "add ourselves to their board", "/boards/" + theirs + "/members", Map.of("username", stage.owner.username(), "role", "OWNER"));
        stream("other boards", "their event stream", theirs, null, null);
        post("other boards", "viewer edits (read-only member)", tasks(), Map.of("title", "viewer"), stage.viewer);
        get("other boards", "board that does not exist", "/boards/999999999");
    }

    private void wrongTypes() {
        for (String v : List.of("abc", "1.5", "", "-1", "0", "99999999999999999999", "1e3", "0x10", " 1")) {
            post("wrong types", "move columnId=" + v, task() + "/move", Map.of("columnId", v, "version", Long.toString(version())));
        }
        for (String v : List.of("abc", "-1", "99999999999999999999", "")) {
            post("wrong types", "move version=" + v, task() + "/move", Map.of("columnId", Long.toString(board.doing()), "version", v));
            post("wrong types", "edit version=" + v, task(), edit("version", v));
        }
        post("wrong types", "create columnId=abc", tasks(), Map.of("title", "x", "columnId", "abc"));
        post("wrong types", "member role=KING", "/boards/" + board.id() + "/members", Map.of("username", stage.viewer.username(), "role", "KING"));
        post("wrong types", "repeated columnId", task() + "/move?columnId=1&columnId=abc", Map.of("version", "0"));
        get("wrong types", "board id abc", "/boards/abc");
        get("wrong types", "task id abc", "/boards/" + board.id() + "/tasks/abc");
        get("wrong types", "board id too big", "/boards/99999999999999999999");
        get("wrong types", "board id negative", "/boards/-1");
        post("wrong types", "move without columnId", task() + "/move", Map.of("version", "0"));
    }

    private void csrf() {
        List<String[]> endpoints = List.of(
                new String[] {tasks(), "title=csrf"},
                new String[] {task(), "title=csrf&version=0"},
                new String[] {task() + "/move", "columnId=" + board.doing() + "&version=0"},
                new String[] {task() + "/comments", "body=csrf"},
                new String[] {"/boards", "name=csrf"},
                new String[] {"/boards/" + board.id() + "/members", "username=x&role=VIEWER"},
                new String[] {task() + "/delete", ""});
        for (String[] e : endpoints) {
            raw("csrf", "missing on " + e[0], "POST", e[0], e[1], "application/x-www-form-urlencoded");
            raw("csrf", "forged on " + e[0], "POST", e[0], e[1] + "&_csrf=forged-" + stage.runId, "application/x-www-form-urlencoded");
        }
        raw("csrf", "viewer's token on owner's session", "POST", tasks(), "title=csrf&_csrf=" + stage.viewer.csrf(),
                "application/x-www-form-urlencoded");
        raw("csrf", "token in a header of the wrong name", "POST", tasks(), "title=csrf", "application/x-www-form-urlencoded",
                "X-XSRF-TOKEN", "forged");
    }

    private void staleVersions() throws Exception {
        long v = version();
        post("stale", "move with version 0", task() + "/move", Map.of("columnId", Long.toString(board.doing()), "version", v == 0 ? "7" : "0"));
        post("stale", "edit with an old version", task(), edit("version", Long.toString(Math.max(0, v - 1))));
        post("stale", "edit with a future version", task(), edit("version", Long.toString(v + 100)));
        // Two people submit the same card at once: one wins, the others must be told so, never a 500.
        for (int round = 0; round < 3; round++) {
            long current = version();
            long from = stage.db.queryLong("select column_id from tasks where id = ?", taskId);
            long to = from == board.todo() ? board.doing() : board.todo();
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<WebSession.Answer>> answers = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    int instance = i % 2;
                    answers.add(pool.submit(() -> stage.post(instance, task() + "/move",
                            Map.of("columnId", Long.toString(to), "version", Long.toString(current)))));
                }
                int i = 0;
                for (Future<WebSession.Answer> answer : answers) {
                    record("stale", "concurrent move " + round + "." + i++, answer::get);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private void headers() {
        get("headers", "16 KB header", "/boards/" + board.id(), "X-Padding", "h".repeat(16_000));
        get("headers", "100 KB header", "/boards/" + board.id(), "X-Padding", "h".repeat(100_000));
        get("headers", "huge Accept", "/boards/" + board.id(), "Accept", "text/html;q=0.9,".repeat(2000) + "*/*");
        get("headers", "Accept-Language junk", "/boards/" + board.id(), "Accept-Language", "xx-" + "y".repeat(500));
        get("headers", "HX-Request with junk target", "/boards/" + board.id(), "HX-Request", "true");
        record("headers", "200 headers", () -> {
            HttpRequest.Builder request = stage.owner.request(base + "/boards/" + board.id());
            for (int i = 0; i < 200; i++) {
                request.header("X-Many-" + i, "v" + i);
            }
            return stage.owner.send(request.GET());
        });
        record("headers", "huge cookie", () -> send(HttpRequest.newBuilder(URI.create(base + "/boards/" + board.id()))
                .header("Cookie", "SESSION=" + stage.owner.cookie() + "; junk=" + "c".repeat(20_000)).GET()));
        record("headers", "garbage session cookie", () -> send(HttpRequest.newBuilder(URI.create(base + "/boards/" + board.id()))
                .header("Cookie", "SESSION=" + "%%%not-base64%%%").GET()));
    }

    private void lastEventIds() {
        List<String> ids = List.of("-5", "abc", "99999999999999999999", "", " ", "1e3", "0x10",
                "9223372036854775807", "-9223372036854775808", "1.5", "0", "999999999", Long.toString(Long.MIN_VALUE / 2),
                "1 2", "x".repeat(10_000));
        for (String id : ids) {
            stream("last-event-id", "header " + printable(id), board.id(), id, null);
        }
        for (String id : List.of("-5", "abc", "99999999999999999999", "%00", "%FF", "1e3",
                "%EF%BC%91%EF%BC%92%EF%BC%93")) {
            stream("last-event-id", "query " + id, board.id(), null, id);
        }
        stream("last-event-id", "header and query disagree", board.id(), "5", "abc");
    }

    private void routes() {
        get("routes", "path traversal", "/boards/..%2F..%2Fetc%2Fpasswd");
        get("routes", "encoded NUL in path", "/boards/1%00");
        get("routes", "unknown page", "/nowhere/" + stage.runId);
        raw("routes", "PUT a board", "PUT", "/boards/" + board.id(), "name=x", "application/x-www-form-urlencoded");
        raw("routes", "DELETE a task", "DELETE", task(), "", "application/x-www-form-urlencoded");
        raw("routes", "PATCH a task", "PATCH", task(), "title=x", "application/x-www-form-urlencoded");
        get("routes", "GET the move endpoint", task() + "/move");
        get("routes", "GET the comments endpoint", task() + "/comments");
        get("routes", "actuator env", "/actuator/env");
        get("routes", "long query", "/boards/" + board.id() + "?q=" + "q".repeat(7_000));
    }

    private void encodings() {
        raw("encodings", "JSON body", "POST", tasks(), "{\"title\":\"json\",\"_csrf\":\"" + stage.owner.csrf() + "\"}", "application/json");
        raw("encodings", "broken percent-encoding", "POST", tasks(), "title=%zz%&_csrf=" + stage.owner.csrf(), "application/x-www-form-urlencoded");
        raw("encodings", "multipart garbage", "POST", tasks(), "--x\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nx\r\n--",
                "multipart/form-data; boundary=x");
        raw("encodings", "unknown charset", "POST", tasks(), "title=x&_csrf=" + stage.owner.csrf(), "application/x-www-form-urlencoded; charset=x-no-such");
        raw("encodings", "XML body", "POST", task() + "/comments", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>", "application/xml");
        raw("encodings", "10 MB form", "POST", task() + "/comments", "body=" + "b".repeat(10_000_000) + "&_csrf=" + stage.owner.csrf(),
                "application/x-www-form-urlencoded");
    }

    /** Pages showing what the markup cases stored: the markup must be there, escaped, never raw. */
    private void escapedOnPages() {
        record("markup", "board page escapes titles", () -> checkEscaped(stage.owner.get(base + "/boards/" + board.id())));
        record("markup", "task page escapes comments", () -> checkEscaped(stage.owner.get(base + task())));
        record("markup", "board list escapes names", () -> checkEscaped(stage.owner.get(base + "/boards")));
    }

    private WebSession.Answer checkEscaped(WebSession.Answer page) {
        if (containsRawMarkup(page.body())) {
            return new WebSession.Answer(page.status(), page.body(), "RAW-MARKUP");
        }
        if (!page.body().contains("&lt;script&gt;boardcastXss()")) {
            return new WebSession.Answer(page.status(), page.body(), "NO-ESCAPED-MARKUP");
        }
        return page;
    }

    private static boolean containsRawMarkup(String html) {
        return html != null && (html.contains(XSS) || html.contains("<img src=x onerror") || html.contains("<svg onload")
                || html.contains("<iframe srcdoc"));
    }

    private void get(String category, String name, String path, String... header) {
        record(category, name, () -> {
            HttpRequest.Builder request = stage.owner.request(base + path);
            if (header.length == 2) {
                request.header(header[0], header[1]);
            }
            return stage.owner.send(request.GET());
        });
    }

    private void post(String category, String name, String path, Map<String, String> fields) {
        post(category, name, path, fields, stage.owner);
    }

    private void post(String category, String name, String path, Map<String, String> fields, WebSession as) {
        record(category, name, () -> as.post(base + path, fields));
    }

    private void postAnonymous(String category, String name, String path, Map<String, String> fields) {
        record(category, name, () -> {
            WebSession anonymous = new WebSession(stage.http, "anonymous");
            anonymous.get(base + "/signup");
            return anonymous.post(base + path, fields);
        });
    }

    private void raw(String category, String name, String method, String path, String body, String contentType,
            String... header) {
        record(category, name, () -> {
            HttpRequest.Builder request = stage.owner.request(base + path).header("Content-Type", contentType)
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
            if (header.length == 2) {
                request.header(header[0], header[1]);
            }
            return stage.owner.send(request);
        });
    }

    private void stream(String category, String name, long boardId, String header, String query) {
        record(category, name, () -> {
            String url = base + "/boards/" + boardId + "/events" + (query == null ? "" : "?lastEventId=" + query);
            HttpRequest.Builder request = stage.viewer.request(url).header("Accept", "text/event-stream");
            if (boardId != board.id()) {
                request = stage.owner.request(url).header("Accept", "text/event-stream");
            }
            if (header != null) {
                request.header("Last-Event-ID", header);
            }
            try (SseClient client = SseClient.open(stage.streamClient(), request.build())) {
                client.awaitOpen(Duration.ofSeconds(10));
                StringBuilder seen = new StringBuilder();
                client.frames().forEach(f -> seen.append(f.event()).append(' ').append(f.data()).append('\n'));
                return new WebSession.Answer(client.status(), seen.toString(), "");
            }
        });
    }

    private WebSession.Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = stage.http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new WebSession.Answer(response.statusCode(), response.body(), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void record(String category, String name, Callable<WebSession.Answer> request) {
        String problem = null;
        int status = 0;
        long start = System.nanoTime();
        try {
            WebSession.Answer answer = request.call();
            status = answer.status();
            if (status >= 500) {
                problem = "status " + status;
            } else if (status == 0) {
                problem = "no status";
            } else if (answer.body() != null && STACK_TRACE.matcher(answer.body()).find()) {
                problem = "stack trace in the answer";
            } else if ("RAW-MARKUP".equals(answer.location())) {
                problem = "raw markup in the page";
            } else if ("NO-ESCAPED-MARKUP".equals(answer.location())) {
                problem = "the stored markup is not on the page (escaped) at all";
            }
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            // A server that closes the connection on an absurd request (a 10 MB form, a 100 KB header) is fine.
            if (!(cause instanceof IOException)) {
                problem = "request failed: " + cause;
            }
        }
        outcomes.add(new Outcome(category, name, status, problem, (System.nanoTime() - start) / 1_000_000));
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : (s.length() > 24 ? s.substring(0, 24) + "…" : s).toCharArray()) {
            out.append(c < 0x20 || c == 0x7f || (c >= 0xd800 && c <= 0xdfff) || c == 0x202e || c == 0xfeff || c == 0xffff
                    ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
