package io.boardcast.support;

import io.boardcast.testsupport.WebSession;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

    private static final Pattern MOVE = Pattern.compile("<div hx-swap-oob=\"(?:afterend:#column-(\\d+)-cards #task-(\\d+)"
            + "|afterbegin:#column-(\\d+)-cards)\"[^>]*><li[^>]*?\\bid=\"task-(\\d+)\"[^>]*hx-preserve");

    /**
     * Applies the card moves pushed in {@code html} to a screen's columns (column id to card ids, top to bottom) as
     * htmx does: the card leaves where it was and goes after the card named, in that column, or on top of it; when
     * that column doesn't show the card named, at its end.
     */
    public static void applyMove(Map<Long, List<Long>> columns, String html) {
        Matcher move = MOVE.matcher(html);
        while (move.find()) {
            Long card = Long.valueOf(move.group(4));
            columns.values().forEach(cards -> cards.remove(card));
            if (move.group(3) != null) {
                columns.get(Long.valueOf(move.group(3))).add(0, card);
            } else {
                List<Long> cards = columns.get(Long.valueOf(move.group(1)));
                int after = cards.indexOf(Long.valueOf(move.group(2)));
                cards.add(after < 0 ? cards.size() : after + 1, card);
            }
        }
    }
}
