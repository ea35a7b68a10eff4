package io.boardcast.realtime;

/**
 * What the page behind a stream shows, which decides how an event looks to it: forms for those who may edit, and the
 * page's filter, if any. The filter is written and read by the module that draws the page (a canonical query string,
 * say {@code q=login&due=overdue}); here it only tells views apart. An event is rendered at most once per instance
 * for each view its streams have.
 *
 * @param canEdit whether the viewer may edit (editors get forms that viewers don't)
 * @param filter  the page's filter, empty for none
 */
public record PageView(boolean canEdit, String filter) {

    /** Longer filters are refused: they are made by the page, which never writes one this long. */
    public static final int MAX_FILTER_LENGTH = 2_000;

    public PageView {
        filter = filter == null ? "" : filter;
    }

    /** The whole board, as an editor or a viewer sees it. */
    public static PageView unfiltered(boolean canEdit) {
        return new PageView(canEdit, "");
    }

    public boolean filtered() {
        return !filter.isEmpty();
    }
}
