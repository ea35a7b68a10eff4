package io.boardcast.task;

import java.util.Collection;
import java.util.Set;

/**
 * Which tasks have a comment containing a text (ignoring case): for filters and search, which look in comments too.
 * Implemented by the comment module, which owns comments; the text is as typed (no wildcards).
 */
public interface CommentSearch {

    /** Of these tasks, the ones with such a comment. */
    Set<Long> amongTasks(Collection<Long> taskIds, String text);

    /** Tasks on these boards with such a comment (archived ones too). */
    Set<Long> onBoards(Collection<Long> boardIds, String text);
}
