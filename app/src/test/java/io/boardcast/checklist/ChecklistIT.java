package io.boardcast.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import io.boardcast.support.TeamIntegration;
import io.boardcast.testsupport.SseClient;
import io.boardcast.testsupport.SseClient.Frame;
import io.boardcast.testsupport.WebSession;
import io.boardcast.testsupport.WebSession.Answer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A task's checklist: every verb as a plain form and as htmx, the card's progress, bad input, and live updates. */
class ChecklistIT extends TeamIntegration {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    ChecklistService checklist;

    @Autowired
    JdbcClient jdbc;

    @Test
    void plainFormsAddTickRenameMoveAndDeleteItemsAndTheCardCountsThem() {
        Answer added = editor.post(checklistPath(), Map.of("text", "  Write tests  "));
        assertThat(added.status()).isEqualTo(302);
        assertThat(added.location()).endsWith(team.taskPath() + "#checklist");
        editor.post(checklistPath(), Map.of("text", "Ship it"));
        editor.post(checklistPath(), Map.of("text", "Celebrate"));
        long tests = idOf("Write tests");
        long ship = idOf("Ship it");
        long celebrate = idOf("Celebrate");

        assertThat(editor.post(itemPath(tests) + "/toggle", Map.of("version", "0")).status()).isEqualTo(302);
        assertThat(editor.post(itemPath(ship), Map.of("text", "Ship it today", "version", "0")).status())
                .isEqualTo(302);
        assertThat(editor.post(itemPath(celebrate) + "/move", Map.of("position", "0")).status()).isEqualTo(302);

        assertThat(order()).containsExactly("Celebrate", "Write tests", "Ship it today");
        assertThat(editor.get(team.boardPath()).body()).contains("<span aria-hidden=\"true\">1/3</span>",
                "1 of 3 checklist items done");
        String page = editor.get(team.taskPath()).body();
        assertThat(page).contains("aria-pressed=\"true\" aria-label=\"Done: Write tests\"");
        assertThat(page.indexOf("Celebrate")).isLessThan(page.indexOf("Write tests"));
        assertThat(page.indexOf("Write tests")).isLessThan(page.indexOf("Ship it today"));
        assertThat(page.indexOf("id=\"checklist\"")).isLessThan(page.indexOf("id=\"comments\""));

        assertThat(editor.post(itemPath(tests) + "/delete", Map.of()).status()).isEqualTo(302);
        assertThat(editor.post(itemPath(celebrate) + "/move", Map.of("position", "99")).status()).isEqualTo(302);

        assertThat(order()).containsExactly("Ship it today", "Celebrate");
        assertThat(editor.get(team.boardPath()).body()).contains("<span aria-hidden=\"true\">0/2</span>");
        // Ticking items is no change to the task itself: its open forms stay valid.
        assertThat(jdbc.sql("select version from tasks where id = ?").param(team.taskId()).query(Long.class).single())
                .isZero();
    }

    @Test
    void aCardWithoutAChecklistShowsNoProgress() {
        assertThat(editor.get(team.boardPath()).body()).doesNotContain("checklist-progress");
    }

    @Test
    void htmxPostsAnswerWithTheEmptiedFormTheListAndTheHeading() {
        Answer added = editor.htmxPost(checklistPath(), Map.of("text", "Write tests"));
        long tests = idOf("Write tests");

        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body()).doesNotContain("<html")
                .startsWith("<form id=\"checklist-form-" + team.taskId() + "\"")
                .contains("<ol class=\"checklist-items\" id=\"checklist-" + team.taskId()
                        + "-items\" hx-swap-oob=\"true\">", "id=\"checklist-item-" + tests + "\"",
                        "<span aria-hidden=\"true\">0/1</span>", "value=\"\"");

        Answer ticked = editor.htmxPost(itemPath(tests) + "/toggle", Map.of("version", "0"));
        assertThat(ticked.status()).isEqualTo(200);
        assertThat(ticked.body()).doesNotContain("checklist-form-").contains("aria-pressed=\"true\"",
                "<span aria-hidden=\"true\">1/1</span>");

        assertThat(editor.htmxPost(itemPath(tests), Map.of("text", "Write more tests", "version", "1")).body())
                .contains("value=\"Write more tests\"");
        editor.htmxPost(checklistPath(), Map.of("text", "Ship it"));
        assertThat(editor.htmxPost(itemPath(idOf("Ship it")) + "/move", Map.of("position", "0")).status())
                .isEqualTo(200);
        assertThat(order()).containsExactly("Ship it", "Write more tests");

        Answer deleted = editor.htmxPost(itemPath(tests) + "/delete", Map.of());
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).doesNotContain("Write more tests").contains("<span aria-hidden=\"true\">0/1</span>");
    }

    @Test
    void badTextIsAnsweredInlineAndNothingIsStored() {
        Answer empty = editor.post(checklistPath(), Map.of("text", "   "));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.body()).contains("<html", "First task", "Write the item first.",
                "id=\"checklist-new-" + team.taskId() + "-error\"");

        Answer tooLong = editor.htmxPost(checklistPath(), Map.of("text", "x".repeat(201)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body()).doesNotContain("<html").contains("An item has at most 200 characters.");

        Answer control = editor.htmxPost(checklistPath(), Map.of("text", "Bell\u0007"));
        assertThat(control.status()).isEqualTo(422);
        assertThat(control.body()).contains("Remove the invisible control characters from this text.");
        assertThat(order()).isEmpty();

        editor.post(checklistPath(), Map.of("text", "x".repeat(200)));
        long item = idOf("x".repeat(200));
        Answer renamedEmpty = editor.htmxPost(itemPath(item), Map.of("text", "", "version", "0"));
        assertThat(renamedEmpty.status()).isEqualTo(422);
        assertThat(renamedEmpty.body()).contains("id=\"checklist-item-" + item + "-error\"", "Write the item first.",
                "aria-invalid=\"true\"");
        Answer renamedNul = editor.post(itemPath(item), Map.of("text", "Nul\u0000", "version", "0"));
        assertThat(renamedNul.status()).isEqualTo(422);
        assertThat(renamedNul.body()).contains("<html", "Remove the invisible control characters from this text.");
        assertThat(order()).containsExactly("x".repeat(200));
    }

    @Test
    void aStaleRenameOrTickIsRefusedWithTheItemAsItIsNow() {
        editor.post(checklistPath(), Map.of("text", "Original"));
        long item = idOf("Original");
        editor.post(itemPath(item), Map.of("text", "Renamed meanwhile", "version", "0"));

        Answer rename = editor.htmxPost(itemPath(item), Map.of("text", "Mine", "version", "0"));
        assertThat(rename.status()).isEqualTo(409);
        assertThat(rename.body()).contains(ChecklistController.STALE, "value=\"Renamed meanwhile\"");
        Answer tick = editor.post(itemPath(item) + "/toggle", Map.of("version", "0"));
        assertThat(tick.status()).isEqualTo(409);
        assertThat(tick.body()).contains("<html", ChecklistController.STALE);
        assertThat(order()).containsExactly("Renamed meanwhile");
    }

    @Test
    void aFullChecklistRefusesAnotherItemInline() {
        IntStream.range(0, ChecklistService.MAX_ITEMS)
                .forEach(i -> checklist.add(team.boardId(), team.taskId(), team.editor(), "Item " + i));

        Answer more = editor.htmxPost(checklistPath(), Map.of("text", "One too many"));

        assertThat(more.status()).isEqualTo(422);
        assertThat(more.body()).contains("A checklist has at most 50 items.");
        assertThat(order()).hasSize(ChecklistService.MAX_ITEMS);
    }

    @Test
    void itemsAreReachedOnlyThroughTheirOwnTask() {
        editor.post(checklistPath(), Map.of("text", "Mine"));
        long item = idOf("Mine");
        long other = fixtures.task(team.boardId(), team.owner(), "Other task").getId();
        String elsewhere = team.boardPath() + "/tasks/" + other + "/checklist/" + item;

        assertThat(editor.post(elsewhere + "/toggle", Map.of()).status()).isEqualTo(404);
        assertThat(editor.post(elsewhere + "/delete", Map.of()).status()).isEqualTo(404);
        assertThat(editor.post(team.taskPath() + "/checklist/999999999/toggle", Map.of()).status()).isEqualTo(404);
        assertThat(order()).containsExactly("Mine");
    }

    @Test
    void changesArePushedToViewersAndReplayedOnReconnect() {
        WebSession viewer = signedIn(team.viewer());
        String before = lastEventSeq();

        try (SseClient stream = SseClient.open(viewer, team.boardPath() + "/events", before)) {
            editor.post(checklistPath(), Map.of("text", "Pushed item"));
            long item = idOf("Pushed item");
            editor.htmxPost(itemPath(item) + "/toggle", Map.of());

            Frame added = stream.next(WAIT);
            Frame ticked = stream.next(WAIT);
            assertThat(added.data()).contains("id=\"task-" + team.taskId() + "\"",
                    "<span aria-hidden=\"true\">0/1</span>", "id=\"checklist-" + team.taskId() + "-items\"",
                    "Pushed item", "Checklist changed on First task")
                    .doesNotContain("/toggle", "checklist-form-");
            assertThat(ticked.data()).contains("1 of 1 checklist items done", "(done)");
        }
        try (SseClient replay = SseClient.open(viewer, team.boardPath() + "/events", before)) {
            Frame first = replay.next(WAIT);
            Frame last = replay.next(WAIT);
            assertThat(first.seq()).isEqualTo(Long.parseLong(before) + 1);
            assertThat(first.data()).contains("Pushed item", "Checklist changed on First task");
            // Each event renders the state at its render, so the last one replayed shows where things ended.
            assertThat(last.seq()).isEqualTo(Long.parseLong(before) + 2);
            assertThat(last.data()).contains("1 of 1 checklist items done", "(done)");
        }
    }

    private String checklistPath() {
        return team.taskPath() + "/checklist";
    }

    private String itemPath(long itemId) {
        return checklistPath() + "/" + itemId;
    }

    private long idOf(String text) {
        return jdbc.sql("select id from checklist_items where task_id = ? and text = ?").params(team.taskId(), text)
                .query(Long.class).single();
    }

    private List<String> order() {
        return jdbc.sql("select text from checklist_items where task_id = ? order by position, id")
                .param(team.taskId()).query(String.class).list();
    }

    private String lastEventSeq() {
        return jdbc.sql("select coalesce(max(seq), 0) from board_events where board_id = ?").param(team.boardId())
                .query(Long.class).single().toString();
    }
}
