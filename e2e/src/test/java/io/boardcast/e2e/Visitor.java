package io.boardcast.e2e;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A signed-in person: a browser context of their own, plus its cookies for setting things up over HTTP. */
final class Visitor {

    private static final Pattern COLUMN = Pattern.compile("id=\"column-(\\d+)-name\">([^<]+)<");

    private final User user;
    private final BrowserContext context;
    private final AppClient http;

    Visitor(User user, BrowserContext context, AppClient http) {
        this.user = user;
        this.context = context;
        this.http = http;
    }

    static Visitor signIn(User user, BrowserContext context, String baseUrl) {
        AppClient http = new AppClient(context.request(), baseUrl);
        APIResponse landed = http.submit("/login", "/login",
                Map.of("username", user.username(), "password", user.password()));
        if (!landed.url().endsWith("/boards")) {
            throw new IllegalStateException(user + " could not sign in: landed on " + landed.url());
        }
        return new Visitor(user, context, http);
    }

    User user() {
        return user;
    }

    BrowserContext context() {
        return context;
    }

    AppClient http() {
        return http;
    }

    Page open(String path) {
        Page page = context.newPage();
        page.navigate(http.baseUrl() + path);
        return page;
    }

    BoardPage openBoard(Board board) {
        return new BoardPage(open(board.path()), board).awaitLive();
    }

    TaskPage openTask(Board board, long taskId) {
        return new TaskPage(open(board.taskPath(taskId)), taskId).awaitLive();
    }

    /** A new board owned by this visitor, with the others as editors. */
    Board createBoard(String name, User... editors) {
        APIResponse landed = http.submit("/boards", "/boards", Map.of("name", name));
        long id = Long.parseLong(landed.url().replaceAll(".*/boards/(\\d+)$", "$1"));
        for (User editor : editors) {
            http.submit("/boards/" + id + "/members", "/boards/" + id + "/members",
                    Map.of("username", editor.username(), "role", "EDITOR"));
        }
        Map<String, Long> columns = new LinkedHashMap<>();
        Matcher column = COLUMN.matcher(landed.text());
        while (column.find()) {
            columns.put(column.group(2), Long.parseLong(column.group(1)));
        }
        return new Board(id, Map.copyOf(columns));
    }

    /** Creates a task through the plain form and returns its id; titles are unique within a test. */
    long createTask(Board board, String title, String column) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("description", "");
        fields.put("columnId", Long.toString(board.column(column)));
        fields.put("assignee", "");
        fields.put("dueAt", "");
        fields.put("zone", "UTC");
        String html = http.submit(board.path(), board.path() + "/tasks", fields).text();
        Pattern card = Pattern.compile("href=\"" + Pattern.quote(board.path()) + "/tasks/(\\d+)\">"
                + Pattern.quote(title) + "</a>");
        return Long.parseLong(AppClient.firstGroup(card, html, "card titled " + title));
    }
}
