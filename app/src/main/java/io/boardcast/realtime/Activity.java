package io.boardcast.realtime;

/**
 * A logged change in words, as the activity view shows it after the person who made it: "moved" <em>Ship the
 * beta</em> "from To do to In progress". The module that owns the kind describes it (see
 * {@link EventRenderer#describe}); the title is the task's as it was then.
 *
 * @param verb   what was done, e.g. "moved" or "commented on"
 * @param title  what it was done to (a task's title), null for the board itself
 * @param detail what else there is to say, e.g. "from To do to In progress"; empty for nothing
 */
public record Activity(String verb, String title, String detail) {

    public Activity {
        detail = detail == null ? "" : detail;
    }
}
