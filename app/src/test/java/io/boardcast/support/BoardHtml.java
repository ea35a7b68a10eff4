package io.boardcast.support;

import io.boardcast.testsupport.WebSession;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a board's card order out of its page, and out of pushed column headers. */
public final class BoardHtml {

    private BoardHtml() {
    }

    /** The card ids in a column of a board page, top to bottom. */
    public static List<Long> cardsIn(String boardPage, long columnId) {
        int start = boardPage.indexOf("id=\"column-" + columnId + "-cards\"");
        if (start < 0) {
            throw new IllegalStateException("No column " + columnId + " on the page");
        }
        return WebSession.ids(boardPage.substring(start, boardPage.indexOf("</ol>", start)), "task");
    }

    /** The column ids of a board page, left to right. */
    public static List<Long> columnsOf(String boardPage) {
        return WebSession.ids(boardPage, "column");
    }

    /** The card order a pushed (or rendered) header of the column carries, or null if the html has none. */
    public static List<Long> headerOrder(String html, long columnId) {
        Matcher header = Pattern.compile("<h2[^>]*id=\"column-" + columnId + "-header\"[^>]*>").matcher(html);
        if (!header.find()) {
            return null;
        }
        Matcher order = Pattern.compile("data-order=\"([\\d ]*)\"").matcher(header.group());
        return order.find() ? Arrays.stream(order.group(1).split(" ")).filter(s -> !s.isEmpty()).map(Long::valueOf)
                .toList() : List.of();
    }
}
