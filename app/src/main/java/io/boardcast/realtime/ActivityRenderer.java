package io.boardcast.realtime;

/**
 * Draws one line of a board's activity for a live page: implemented by the module that draws activity, asked by the
 * real-time module for streams of the activity page (instead of the change's own fragments) and of task pages (the
 * task's history, besides the change's fragments).
 */
public interface ActivityRenderer {

    /** Adds the line for this event, described by its kind's renderer, to the page's list. */
    void render(BoardEvent event, Activity activity, PageView view, PushedFragments fragments);
}
