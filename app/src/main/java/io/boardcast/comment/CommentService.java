package io.boardcast.comment;

import io.boardcast.board.BoardAccess;
import io.boardcast.board.BoardService;
import io.boardcast.board.Membership;
import io.boardcast.task.Mentions;
import io.boardcast.task.Task;
import io.boardcast.task.TaskService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class CommentService {

    private final CommentRepository comments;
    private final TaskService tasks;
    private final BoardService boards;
    private final BoardAccess access;
    private final Mentions mentions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CommentService(CommentRepository comments, TaskService tasks, BoardService boards, BoardAccess access,
            Mentions mentions, ApplicationEventPublisher events, Clock clock) {
        this.comments = comments;
        this.mentions = mentions;
        this.tasks = tasks;
        this.boards = boards;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Any member who may edit may comment; the card's comment count moves with it, and the members it mentions are
     * told, in one transaction.
     */
    @Transactional
    public Comment add(long boardId, long taskId, String username, String body) {
        Membership membership = access.edit(boardId, username);
        boards.lock(boardId);
        Task task = tasks.commentAdded(boardId, taskId);
        Comment comment = comments.save(new Comment(taskId, membership.getAccount(), body.strip(), clock.instant()));
        events.publishEvent(new CommentAdded(boardId, taskId, task.getColumnId(), comment.getId()));
        mentions.publish(task, comment.getId(), membership.getAccount(), comment.getBody(), null);
        return comment;
    }

    /**
     * The newest comments of a task before {@code before} (all of them when null), a page of at most
     * {@link CommentPage#SIZE}, oldest first as the page lists them. The caller has checked access.
     */
    @Transactional(readOnly = true)
    public CommentPage page(long boardId, long taskId, Long before) {
        Limit oneMore = Limit.of(CommentPage.SIZE + 1);
        List<Comment> newestFirst = before == null ? comments.findByTaskIdOrderByIdDesc(taskId, oneMore)
                : comments.findByTaskIdAndIdLessThanOrderByIdDesc(taskId, before, oneMore);
        List<Comment> items = new ArrayList<>(newestFirst.subList(0, Math.min(CommentPage.SIZE, newestFirst.size())));
        Collections.reverse(items);
        Long earlier = newestFirst.size() > CommentPage.SIZE ? items.get(0).getId() : null;
        return new CommentPage(boardId, taskId, List.copyOf(items), before, earlier);
    }
}
