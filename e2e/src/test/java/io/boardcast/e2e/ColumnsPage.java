package io.boardcast.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

/** A board's columns page (editors only): plain forms to add, rename, limit and reorder columns. */
record ColumnsPage(Page page, Board board) {

    /** The columns' names as the page lists them, in the board's order. */
    Locator names() {
        return page.locator("ol.column-settings > li > h2");
    }

    /** One column's settings, found by the name it has now. */
    Locator settings(String name) {
        return page.locator("ol.column-settings > li").filter(new Locator.FilterOptions().setHas(
                page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true))));
    }

    void add(String name) {
        Locator form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Add a column"));
        form.getByLabel("Name").fill(name);
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add column")).click();
    }

    void rename(String name, String newName) {
        Locator column = settings(name);
        column.getByLabel("Name").fill(newName);
        save(column);
    }

    void limit(String name, int limit) {
        Locator column = settings(name);
        column.getByLabel("Limit (empty for none)").fill(Integer.toString(limit));
        save(column);
    }

    /** Moves a column to a place, counted from 1 as the form's choices are. */
    void moveTo(String name, int place) {
        Locator column = settings(name);
        column.getByLabel("Position").selectOption(new SelectOption().setLabel(Integer.toString(place)));
        column.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move").setExact(true)).click();
    }

    private static void save(Locator column) {
        column.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save").setExact(true)).click();
    }
}
