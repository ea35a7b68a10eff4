package io.boardcast.task;

import io.boardcast.account.Account;
import java.time.Instant;
import java.util.Set;

/** The editable part of a task, already checked and resolved to entities. */
record TaskDetails(String title, String description, Set<Account> assignees, Instant dueAt, Set<Long> labelIds) {
}
