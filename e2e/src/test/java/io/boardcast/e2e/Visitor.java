package io.boardcast.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import io.boardcast.testsupport.WebSession;
import java.util.List;

/**
 * A signed-in person: a browser context of their own that opens pages at {@code baseUrl} (nginx's HTTP or TLS
 * listener), and the test kit's {@link WebSession} that signed them in (the context is given its session cookie) and
 * sets up over HTTP what a test is not about.
 */
record Visitor(User user, BrowserContext context, String baseUrl, WebSession http) {

    /**
     * Signs in through {@code setupUrl} (nginx's plain HTTP listener: the session lives in Redis, so any listener
     * will do) and hands the session to a browser that opens pages at {@code baseUrl}.
     */
    static Visitor signIn(User user, BrowserContext context, String baseUrl, String setupUrl) {
        WebSession http = WebSession.newBrowser(setupUrl).signIn(user.username(), user.password());
        context.addCookies(List.of(new Cookie("SESSION", http.cookie()).setUrl(baseUrl)));
        return new Visitor(user, context, baseUrl, http);
    }

    Page open(String path) {
        Page page = context.newPage();
        page.navigate(baseUrl + path);
        return page;
    }

    BoardPage openBoard(Board board) {
        return new BoardPage(open(board.path()), board).awaitLive();
    }

    ColumnsPage openColumns(Board board) {
        return new ColumnsPage(open(board.path() + "/columns"), board);
    }

    TaskPage openTask(Board board, long taskId) {
        return new TaskPage(open(board.taskPath(taskId)), taskId).awaitLive();
    }

    /** A new board owned by this visitor, with the others as editors. */
    Board createBoard(String name, User... editors) {
        long id = http.createBoard(http.baseUrl(), name);
        for (User editor : editors) {
            http.addMember(http.baseUrl(), id, editor.username(), "EDITOR");
        }
        return new Board(id, WebSession.columns(http.boardPage(http.baseUrl(), id)));
    }

    /** Gives someone a role on one of this visitor's boards: VIEWER, EDITOR or OWNER. */
    void share(Board board, User member, String role) {
        http.addMember(http.baseUrl(), board.id(), member.username(), role);
    }

    /** Creates a task through the plain form and returns its id; titles are unique within a test. */
    long createTask(Board board, String title, String column) {
        return http.createTask(http.baseUrl(), board.id(), title, board.column(column));
    }
}
