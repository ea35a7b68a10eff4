package io.boardcast.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a session reads off the app's pages, as plain string parsing. */
class WebSessionTest {

    private static final String BOARD = """
            <meta name="csrf-token" content="meta-token">
            <main data-last-event-id="41">
            <h2><span id="column-3-name">To do</span></h2>
            <li id="task-10"><a href="/boards/7/tasks/10">Fix the login bug</a></li>
            <h2><span id="column-4-name">In progress</span></h2>
            <li id="task-12"><a href="/boards/7/tasks/12">Plan (the) sprint</a></li>
            <li id="task-14"><a class="card-title" href="/boards/7/tasks/14" aria-keyshortcuts="Alt+ArrowUp">Ship it</a></li>
            <form><input type="hidden" name="_csrf" value="field-token"></form>
            """;

    @Test
    void theCsrfTokenComesFromTheMetaTagElseFromAForm() {
        assertThat(WebSession.csrfIn(BOARD)).isEqualTo("meta-token");
        assertThat(WebSession.csrfIn("<input type=\"hidden\" name=\"_csrf\" value=\"field-token\">"))
                .isEqualTo("field-token");
        assertThat(WebSession.csrfIn("<p>no form</p>")).isNull();
    }

    @Test
    void aBoardPageNamesItsColumnsTasksAndSequence() {
        assertThat(WebSession.columns(BOARD)).containsExactly(Map.entry("To do", 3L), Map.entry("In progress", 4L));
        assertThat(WebSession.ids(BOARD, "task")).containsExactly(10L, 12L, 14L);
        assertThat(WebSession.lastEventId(BOARD)).isEqualTo(41);
        assertThat(WebSession.taskId(BOARD, 7, "Plan (the) sprint")).isEqualTo(12);
        assertThat(WebSession.taskId(BOARD, 7, "Ship it")).isEqualTo(14); // an editor's card: attributes after href
    }

    @Test
    void aMissingCardOrSequenceIsAnError() {
        assertThatThrownBy(() -> WebSession.taskId(BOARD, 7, "No such task")).hasMessageContaining("No such task");
        assertThatThrownBy(() -> WebSession.lastEventId("<main>")).isInstanceOf(IllegalStateException.class);
    }
}
