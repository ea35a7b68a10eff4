package io.boardcast.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.boardcast.e2e.User.BOB;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every form works as a plain HTML form: post, redirect, full page. */
@ExtendWith(E2eExtension.class)
class NoScriptE2E {

    @Test
    void withoutJavaScriptBobCreatesMovesAndCommentsThroughPlainForms(Stage stage) {
        Page page = stage.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false)).newPage();
        page.navigate(stage.cluster().httpUrl() + "/login");
        page.getByLabel("Username").fill(BOB.username());
        page.getByLabel("Password").fill(BOB.password());
        button(page, "Sign in").click();
        assertThat(page).hasURL(Pattern.compile(".*/boards$"));

        page.getByLabel("Name").fill("No script");
        button(page, "Create board").click();
        assertThat(page).hasURL(Pattern.compile(".*/boards/\\d+$"));
        // Without JavaScript nothing opens the event stream.
        assertThat(page.locator("#connection-status")).hasAttribute("data-state", "connecting");

        Locator create = page.locator("section#task-create");
        create.getByLabel("Title").fill("Works without scripts");
        create.getByLabel("Column").selectOption(new SelectOption().setLabel("To do"));
        create.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add task")).click();
        assertThat(cards(page, "To do")).hasText(new String[] {"Works without scripts"});

        Locator card = page.locator("li.card").filter(new Locator.FilterOptions().setHasText("Works without scripts"));
        card.locator("select[name=columnId]").selectOption(new SelectOption().setLabel("Done"));
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move")).click();
        assertThat(cards(page, "Done")).hasText(new String[] {"Works without scripts"});
        assertThat(cards(page, "To do")).hasCount(0);

        cards(page, "Done").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Works without scripts");
        page.getByLabel("Add a comment").fill("Plain HTML is enough");
        button(page, "Comment").click();
        assertThat(page.locator("ol.comment-list li.comment .comment-body")).hasText(new String[] {"Plain HTML is enough"});

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("No script")).click();
        assertThat(page.locator("li.card .comment-count")).hasText("1");
    }

    /** The card titles in the column headed {@code name}. */
    private static Locator cards(Page page, String name) {
        return page.locator("section.column:has(h2 > span:text-is('" + name + "')) li.card a.card-title");
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }
}
