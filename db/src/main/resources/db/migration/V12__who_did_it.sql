-- Who made each change (by name, so the activity reads the same after they delete their account; null for
-- Boardcast itself, say a reminder) and the task's title as it was then (a deleted task's title is nowhere else).
ALTER TABLE board_events ADD COLUMN actor VARCHAR(40);
ALTER TABLE board_events ADD COLUMN task_title VARCHAR(200);
-- A task's history, newest first.
CREATE INDEX ix_board_events_task ON board_events (task_id, seq);
