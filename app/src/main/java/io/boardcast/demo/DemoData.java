package io.boardcast.demo;

import io.boardcast.account.AccountService;
import io.boardcast.board.Board;
import io.boardcast.board.BoardService;
import io.boardcast.board.Role;
import io.boardcast.task.TaskForm;
import io.boardcast.task.TaskService;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** alice and bob, and a board they share, so a fresh clone has something to look at. */
@Component
@ConditionalOnBooleanProperty("boardcast.demo-data.enabled")
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "boardcast";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final AccountService accounts;
    private final BoardService boards;
    private final TaskService tasks;
    private final Clock clock;

    DemoData(AccountService accounts, BoardService boards, TaskService tasks, Clock clock) {
        this.accounts = accounts;
        this.boards = boards;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.signUp("alice", PASSWORD).isEmpty()) {
            return; // already seeded
        }
        accounts.signUp("bob", PASSWORD);
        Board board = boards.create("Launch plan", "alice");
        boards.addMember(board.getId(), "alice", "bob", Role.EDITOR);
        LocalDateTime now = LocalDateTime.now(clock);
        tasks.create(board.getId(), "alice", TaskForm.of("Write the announcement", "Two paragraphs, one screenshot.",
                List.of("bob"), now.plusDays(2).withSecond(0).withNano(0), "UTC"));
        tasks.create(board.getId(), "alice", TaskForm.of("Book the demo room", null, List.of("alice", "bob"), null, null));
        tasks.create(board.getId(), "bob", TaskForm.of("Check the release notes", null, List.of(), null, null));
        log.info("Demo data: users alice and bob (password '{}'), board 'Launch plan'", PASSWORD);
    }
}
