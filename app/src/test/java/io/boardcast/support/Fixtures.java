package io.boardcast.support;

import io.boardcast.account.AccountService;
import io.boardcast.board.Board;
import io.boardcast.board.BoardColumn;
import io.boardcast.board.BoardService;
import io.boardcast.board.Role;
import io.boardcast.task.Task;
import io.boardcast.task.TaskForm;
import io.boardcast.task.TaskService;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestComponent;

/** Sets up people and boards through the app's own services, so each test starts from a known team. */
@TestComponent
public class Fixtures {

    public static final String PASSWORD = "correct-horse-9";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 100_000, 36);

    private final AccountService accounts;
    private final BoardService boards;
    private final TaskService tasks;

    public Fixtures(AccountService accounts, BoardService boards, TaskService tasks) {
        this.accounts = accounts;
        this.boards = boards;
        this.tasks = tasks;
    }

    public String user(String role) {
        String username = role + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
        accounts.signUp(username, PASSWORD).orElseThrow();
        return username;
    }

    /** A board with an owner, an editor, a viewer, someone who is not a member, and one task. */
    public Team team() {
        String owner = user("owner");
        String editor = user("editor");
        String viewer = user("viewer");
        String outsider = user("outsider");
        Board board = boards.create("Team board " + SEQUENCE.get(), owner);
        boards.addMember(board.getId(), owner, editor, Role.EDITOR);
        boards.addMember(board.getId(), owner, viewer, Role.VIEWER);
        List<Long> columns = board.getColumns().stream().map(BoardColumn::getId).toList();
        Task task = task(board.getId(), owner, "First task");
        return new Team(board.getId(), columns, owner, editor, viewer, outsider, task.getId());
    }

    public Task task(long boardId, String username, String title) {
        return tasks.create(boardId, username, TaskForm.of(title, null, List.of(), null, null));
    }

    public record Team(long boardId, List<Long> columns, String owner, String editor, String viewer, String outsider,
            long taskId) {

        public String boardPath() {
            return "/boards/" + boardId;
        }

        public String taskPath() {
            return boardPath() + "/tasks/" + taskId;
        }
    }
}
