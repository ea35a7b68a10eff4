package io.boardcast.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.boardcast.support.Fixtures.Team;
import io.boardcast.support.PostgresWebIntegration;
import io.boardcast.testsupport.WebSession;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every route × every kind of visitor: who may see, who may change, and that nobody gets a 500. */
class AuthorizationMatrixIT extends PostgresWebIntegration {

    enum Who { ANONYMOUS, OUTSIDER, VIEWER, EDITOR, OWNER }

    /** A request against a fresh team's board; {@code expected} lists statuses by {@link Who}, in order. */
    record Route(String name, boolean write, Function<Team, String> path, Map<String, String> form,
            int... expected) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static final int LOGIN = 302;
    private static final int DONE = 302;

    static Stream<Arguments> matrix() {
        List<Route> routes = List.of(
                read("board page", Team::boardPath),
                read("members page", t -> t.boardPath() + "/members"),
                read("task page", Team::taskPath),
                read("archive page", t -> t.boardPath() + "/archive"),
                read("activity page", t -> t.boardPath() + "/activity"),
                read("older activity page", t -> t.boardPath() + "/activity?before=2"),
                read("import and export page", t -> t.boardPath() + "/import"),
                read("import job page", t -> t.boardPath() + "/import/JOB_ID"),
                read("export", t -> t.boardPath() + "/export.csv"),
                read("filtered board page", t -> t.boardPath() + "?q=First&label=Bug&assignee=me&due=none"),
                new Route("search (own boards only)", false, t -> "/search?q=First", Map.of(), LOGIN, 200, 200, 200, 200),
                new Route("my tasks (own boards only)", false, t -> "/search?assignee=me", Map.of(), LOGIN, 200, 200, 200, 200),
                new Route("columns page", false, t -> t.boardPath() + "/columns", Map.of(), LOGIN, 404, 403, 200, 200),
                new Route("labels page", false, t -> t.boardPath() + "/labels", Map.of(), LOGIN, 404, 403, 200, 200),
                new Route("event stream", false, t -> t.boardPath() + "/events", Map.of(),
                        401, 404, 200, 200, 200),
                new Route("filtered event stream", false, t -> t.boardPath() + "/events?filter=q%3DFirst", Map.of(),
                        401, 404, 200, 200, 200),
                new Route("activity stream", false, t -> t.boardPath() + "/events?view=activity", Map.of(),
                        401, 404, 200, 200, 200),
                new Route("task page stream", false, t -> t.boardPath() + "/events?view=task&task=" + t.taskId()
                        + "&page=a-page-name", Map.of(), 401, 404, 200, 200, 200),
                // Presence: a closing page of any member's; focus in the edit form, which only editors have.
                new Route("presence: page leaves", true, t -> t.boardPath() + "/presence/leave",
                        Map.of("page", "a-page-name"), LOGIN, 404, 204, 204, 204),
                new Route("presence: editing", true, t -> t.taskPath() + "/presence",
                        Map.of("page", "a-page-name", "editing", "true"), LOGIN, 404, 403, 204, 204),
                // One's own notifications, whatever boards one is on: every signed-in person has theirs.
                new Route("personal stream", false, t -> "/notifications/events", Map.of(), 401, 200, 200, 200, 200),
                new Route("notifications page", false, t -> "/notifications", Map.of(), LOGIN, 200, 200, 200, 200),
                write("create task", Team::boardPath, "/tasks", Map.of("title", "Allowed?"), DONE, DONE),
                write("edit task", Team::taskPath, "", Map.of("title", "Changed?", "version", "0"), DONE, DONE),
                write("move task", Team::taskPath, "/move", Map.of("columnId", "COLUMN", "version", "0"), DONE, DONE),
                write("delete task", Team::taskPath, "/delete", Map.of(), DONE, DONE),
                write("comment", Team::taskPath, "/comments", Map.of("body", "Allowed?"), DONE, DONE),
                write("add checklist item", Team::taskPath, "/checklist", Map.of("text", "Allowed?"), DONE, DONE),
                write("rename checklist item", Team::taskPath, "/checklist/ITEM_ID",
                        Map.of("text", "Allowed?", "version", "0"), DONE, DONE),
                write("toggle checklist item", Team::taskPath, "/checklist/ITEM_ID/toggle", Map.of("version", "0"),
                        DONE, DONE),
                write("move checklist item", Team::taskPath, "/checklist/ITEM_ID/move", Map.of("position", "0"),
                        DONE, DONE),
                write("delete checklist item", Team::taskPath, "/checklist/ITEM_ID/delete", Map.of(), DONE, DONE),
                write("archive task", Team::taskPath, "/archive", Map.of(), DONE, DONE),
                write("restore task", Team::taskPath, "/restore", Map.of(), DONE, DONE),
                // Undos are one's own: a member who has none by that id gets 404, like anyone else's.
                write("undo", Team::boardPath, "/undo/999999999", Map.of(), 404, 404),
                write("add column", Team::boardPath, "/columns", Map.of("name", "Allowed?"), DONE, DONE),
                write("edit column", Team::boardPath, "/columns/COLUMN_ID", Map.of("name", "Allowed?", "version", "0"),
                        DONE, DONE),
                write("add label", Team::boardPath, "/labels", Map.of("name", "Allowed?", "color", "RED"), DONE, DONE),
                write("edit label", Team::boardPath, "/labels/LABEL_ID",
                        Map.of("name", "Allowed?", "color", "BLUE", "version", "0"), DONE, DONE),
                write("delete label", Team::boardPath, "/labels/LABEL_ID/delete", Map.of(), DONE, DONE),
                write("move column", Team::boardPath, "/columns/COLUMN_ID/move", Map.of("position", "0"), DONE, DONE),
                write("delete column", Team::boardPath, "/columns/COLUMN_ID/delete", Map.of(), DONE, DONE),
                // A form post without a file: editors are told to choose one (a file's import is CsvImportIT's).
                write("import", Team::boardPath, "/import", Map.of(), 422, 422),
                write("cancel import", Team::boardPath, "/import/JOB_ID/cancel", Map.of(), DONE, DONE),
                write("rename board", Team::boardPath, "/name", Map.of("name", "Renamed?"), 403, DONE),
                write("add member", Team::boardPath, "/members", Map.of("username", "OUTSIDER", "role", "VIEWER"),
                        403, DONE),
                new Route("remove member", true, t -> t.boardPath() + "/members/VIEWER_MEMBERSHIP/delete", Map.of(),
                        LOGIN, 404, 403, 403, DONE));
        List<Arguments> cases = new ArrayList<>();
        for (Route route : routes) {
            for (Who who : Who.values()) {
                cases.add(Arguments.of(route, who, route.expected()[who.ordinal()]));
            }
        }
        return cases.stream();
    }

    private static Route read(String name, Function<Team, String> path) {
        return new Route(name, false, path, Map.of(), LOGIN, 404, 200, 200, 200);
    }

    private static Route write(String name, Function<Team, String> base, String suffix, Map<String, String> form,
            int editor, int owner) {
        return new Route(name, true, t -> base.apply(t) + suffix, form, LOGIN, 404, 403, editor, owner);
    }

    @Autowired
    MembershipRepository memberships;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("matrix")
    void everyRouteAnswersEveryVisitorAsItShould(Route route, Who who, int expected) {
        Team team = fixtures.team();
        long viewerMembership = memberships.find(team.boardId(), team.viewer()).orElseThrow().getId();
        String path = route.path().apply(team).replace("VIEWER_MEMBERSHIP", Long.toString(viewerMembership))
                .replace("COLUMN_ID", team.columns().get(1).toString());
        if (path.contains("ITEM_ID")) {
            path = path.replace("ITEM_ID", Long.toString(checklistItem(team)));
        }
        if (path.contains("JOB_ID")) {
            path = path.replace("JOB_ID", Long.toString(importJob(team)));
        }
        if (path.contains("LABEL_ID")) {
            path = path.replace("LABEL_ID", Long.toString(label(team)));
        }
        WebSession visitor = visitor(team, who);

        int status = route.name().endsWith(" stream") ? streamStatus(visitor, path)
                : route.write() ? visitor.post(path, form(route, team)).status() : visitor.get(path).status();

        assertThat(status).isEqualTo(expected);
        if (who == Who.ANONYMOUS && status == LOGIN) {
            WebSession.Answer page = route.write() ? visitor.post(path, form(route, team)) : visitor.get(path);
            assertThat(page.location()).endsWith("/login");
        }
    }

    /** An item on the team's task, written directly: the routes under test are the checklist's own. */
    private long checklistItem(Team team) {
        jdbc.sql("""
                insert into checklist_items (task_id, text, done, position, created_at, version)
                values (?, 'An item', false, 0, current_timestamp, 0)""").param(team.taskId()).update();
        return jdbc.sql("select max(id) from checklist_items where task_id = ?").param(team.taskId())
                .query(Long.class).single();
    }

    /** A finished import into the team's board, written directly: the routes under test are the job's own. */
    private long importJob(Team team) {
        jdbc.sql("""
                insert into import_jobs (board_id, started_by, file_name, status, total, done, created, instance_id,
                                         started_at, heartbeat_at, finished_at)
                values (?, ?, 'backlog.csv', 'DONE', 1, 1, 1, 'gone', current_timestamp, current_timestamp,
                        current_timestamp)""").params(team.boardId(), team.editor()).update();
        return jdbc.sql("select max(id) from import_jobs where board_id = ?").param(team.boardId())
                .query(Long.class).single();
    }

    /** A label of the team's board, written directly: the routes under test are the label's own. */
    private long label(Team team) {
        jdbc.sql("insert into labels (board_id, name, color, version) values (?, 'A label', 'RED', 0)")
                .param(team.boardId()).update();
        return jdbc.sql("select max(id) from labels where board_id = ?").param(team.boardId()).query(Long.class)
                .single();
    }

    private static Map<String, String> form(Route route, Team team) {
        Map<String, String> form = new java.util.HashMap<>(route.form());
        form.replaceAll((key, value) -> switch (value) {
            case "COLUMN" -> team.columns().get(1).toString();
            case "OUTSIDER" -> team.outsider();
            default -> value;
        });
        return form;
    }

    private WebSession visitor(Team team, Who who) {
        return switch (who) {
            case ANONYMOUS -> anonymous();
            case OUTSIDER -> signedIn(team.outsider());
            case VIEWER -> signedIn(team.viewer());
            case EDITOR -> signedIn(team.editor());
            case OWNER -> signedIn(team.owner());
        };
    }

    /** Opens the stream only long enough to read its status. */
    private static int streamStatus(WebSession visitor, String path) {
        HttpRequest request = visitor.request(path).timeout(Duration.ofSeconds(10))
                .header("Accept", "text/event-stream").GET().build();
        try {
            HttpResponse<InputStream> response = visitor.client().send(request,
                    HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return response.statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
