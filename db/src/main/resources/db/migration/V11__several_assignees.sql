-- A task may have several assignees: the assignee filter, "my tasks" and deadline reminders go by each of them.
-- Today's single assignee becomes the first entry. Removing a member from a board leaves their entries to the next
-- save of the task (the form offers members only); deleting an account drops them.
CREATE TABLE task_assignees (
    task_id    BIGINT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    account_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (task_id, account_id)
);
-- "My tasks": one person's tasks across boards.
CREATE INDEX ix_task_assignees_account ON task_assignees (account_id, task_id);

INSERT INTO task_assignees (task_id, account_id) SELECT id, assignee_id FROM tasks WHERE assignee_id IS NOT NULL;
ALTER TABLE tasks DROP COLUMN assignee_id;
