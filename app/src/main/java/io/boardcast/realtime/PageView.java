package io.boardcast.realtime;

import java.util.Locale;

/**
 * What the page behind a stream shows, which decides how an event looks to it: forms for those who may edit, and the
 * page's filter, if any. The filter is written and read by the module that draws the page (a canonical query string,
 * say {@code q=login&due=overdue}); here it only tells views apart. An event is rendered at most once per instance
 * for each view its streams have.
 *
 * @param canEdit  whether the viewer may edit (editors get forms that viewers don't)
 * @param filter   the page's filter, empty for none
 * @param page     which page: a board's (cards), a task's (cards' fragments plus a line of its history per change),
 *                 the board's activity (a line per change instead of the change) or its archive (the modules' own)
 */
public record PageView(boolean canEdit, String filter, Page page) {

    /** The kinds of page that hold a board's stream. */
    public enum Page {
        BOARD, TASK, ACTIVITY, ARCHIVE
    }

    /** Longer filters are refused: they are made by the page, which never writes one this long. */
    public static final int MAX_FILTER_LENGTH = 2_000;

    public PageView {
        filter = filter == null ? "" : filter;
        page = page == null ? Page.BOARD : page;
    }

    /** A board page: the board's cards as the filter shows them. */
    public PageView(boolean canEdit, String filter) {
        this(canEdit, filter, Page.BOARD);
    }

    /** A task's page. */
    public static PageView task(boolean canEdit) {
        return new PageView(canEdit, "", Page.TASK);
    }

    /** The board's archive page. */
    public static PageView archive(boolean canEdit) {
        return new PageView(canEdit, "", Page.ARCHIVE);
    }

    /** The board's activity page. */
    public static PageView activity(boolean canEdit) {
        return new PageView(canEdit, "", Page.ACTIVITY);
    }

    public boolean activity() {
        return page == Page.ACTIVITY;
    }

    /** The query the page's stream names its view with ({@code view=…}); empty for a board page. */
    public String name() {
        return page == Page.BOARD ? "" : page.name().toLowerCase(Locale.ROOT);
    }

    /** The whole board, as an editor or a viewer sees it. */
    public static PageView unfiltered(boolean canEdit) {
        return new PageView(canEdit, "");
    }

    public boolean filtered() {
        return !filter.isEmpty();
    }
}
