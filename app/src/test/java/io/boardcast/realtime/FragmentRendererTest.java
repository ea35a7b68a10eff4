package io.boardcast.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * Rendering by kind without a Spring context: the Thymeleaf engine the app uses (its templates here are the strings
 * the renderers name) and a transaction manager that only records what it was asked for.
 */
class FragmentRendererTest {

    /** A template given as its own text (the string resolver's convention). */
    private static final String CARD = "<p th:fragment=\"card\" th:id=\"|task-${task}|\" "
            + "th:attr=\"hx-swap-oob=${oob}\" th:text=\"${title}\">title</p>";

    private final SpringTemplateEngine templates = new SpringTemplateEngine();
    private final RecordingTransactions transactions = new RecordingTransactions();

    FragmentRendererTest() {
        templates.setTemplateResolver(new StringTemplateResolver());
    }

    @Test
    void anEventIsRenderedByTheRendererOfItsKindOutOfBandInOneReadOnlyTransaction() {
        FragmentRenderer renderer = new FragmentRenderer(templates, transactions, List.of(new Cards("TASK_EDITED")));

        String html = renderer.render(event("TASK_EDITED"), PageView.unfiltered(true));

        assertThat(html).isEqualTo("<p id=\"task-3\" hx-swap-oob=\"true\">card for editors</p>");
        assertThat(transactions.readOnly).containsExactly(true);
        assertThat(transactions.commits).isEqualTo(1);
    }

    @Test
    void editorsAndViewersGetTheirOwnVariant() {
        FragmentRenderer renderer = new FragmentRenderer(templates, transactions, List.of(new Cards("TASK_EDITED")));

        assertThat(renderer.render(event("TASK_EDITED"), PageView.unfiltered(false))).contains(">card for viewers<");
    }

    @Test
    void aKindNobodyRendersPushesNothingAndOpensNoTransaction() {
        FragmentRenderer renderer = new FragmentRenderer(templates, transactions, List.of(new Cards("TASK_EDITED")));

        assertThat(renderer.render(event("MEMBER_REMOVED"), PageView.unfiltered(true))).isEmpty();
        assertThat(transactions.readOnly).isEmpty();
    }

    @Test
    void twoRenderersForOneKindFailAtStartup() {
        List<EventRenderer> renderers = List.of(new Cards("TASK_EDITED", "TASK_MOVED"), new Cards("TASK_MOVED"));

        assertThatIllegalStateException().isThrownBy(() -> new FragmentRenderer(templates, transactions, renderers))
                .withMessageStartingWith("Two renderers for TASK_MOVED");
    }

    private static BoardEvent event(String kind) {
        return new BoardEvent(7, 1, kind, 3, null, 5, null, null, 0);
    }

    /** A module's renderer: one card per event, from a template of its own. */
    private record Cards(Set<String> kinds) implements EventRenderer {

        Cards(String... kinds) {
            this(Set.of(kinds));
        }

        @Override
        public void render(BoardEvent event, PageView view, PushedFragments fragments) {
            String title = view.canEdit() ? "card for editors" : "card for viewers";
            fragments.add(CARD, "card", Map.of("task", event.taskId(), "title", title));
        }
    }
}
