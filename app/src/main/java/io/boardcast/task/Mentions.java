package io.boardcast.task;

import io.boardcast.account.Account;
import io.boardcast.board.BoardAccess;
import io.boardcast.web.Markdown;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who a description or comment mentions: {@code @name} in its prose (see {@link Markdown#mentions}) for a current
 * member of the board, other than the author. Each is told once per text: a name the text already mentioned before
 * this save (a description edited again) is not told again.
 */
@Component
public class Mentions {

    /** How much of the text a notification keeps. */
    static final int EXCERPT = 140;

    private static final Markdown MARKDOWN = new Markdown();

    private final BoardAccess access;
    private final ApplicationEventPublisher events;

    Mentions(BoardAccess access, ApplicationEventPublisher events) {
        this.access = access;
        this.events = events;
    }

    /**
     * Publishes a {@link MemberMentioned} for each member {@code text} newly mentions, inside the transaction that
     * saves it.
     *
     * @param previous the text before this save (null for a new one)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(Task task, Long commentId, Account author, String text, String previous) {
        Set<String> before = MARKDOWN.mentions(previous);
        for (String name : MARKDOWN.mentions(text)) {
            if (before.contains(name) || name.equals(author.getUsername())) {
                continue;
            }
            access.memberNamed(task.getBoardId(), name).map(member -> member.getAccount()).ifPresent(member ->
                    events.publishEvent(new MemberMentioned(task.getBoardId(), task.getId(), commentId,
                            task.getTitle(), author.getId(), author.getUsername(), member.getId(),
                            member.getUsername(), excerpt(text))));
        }
    }

    /** The text's first characters on one line, cut at a character boundary. */
    static String excerpt(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        if (line.codePointCount(0, line.length()) <= EXCERPT) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, EXCERPT - 1)) + "…";
    }
}
