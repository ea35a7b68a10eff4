-- Columns are the team's own: a soft work-in-progress limit, an explicit "counts as done" flag (reminders stop for
-- tasks in such a column; new boards flag their last column, as the rule used to be implicit), and a version for
-- stale-form checks. Positions are renumbered under the board's row lock, so they need no unique constraint (which
-- a reorder would trip over mid-statement).
ALTER TABLE board_columns ADD COLUMN wip_limit INT;
ALTER TABLE board_columns ADD COLUMN done BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE board_columns ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE board_columns DROP CONSTRAINT uq_board_columns_position;
UPDATE board_columns SET done = TRUE
WHERE position = (SELECT MAX(l.position) FROM board_columns l WHERE l.board_id = board_columns.board_id);
CREATE INDEX ix_board_columns_board ON board_columns (board_id, position);

-- An archived task has left the board (no column shows it, no reminder fires) but keeps its comments and history.
ALTER TABLE tasks ADD COLUMN archived_at TIMESTAMP WITH TIME ZONE;

-- Card order is dense per column from here on (0, 1, 2 ...), by the order the board showed.
UPDATE tasks SET position = (
    SELECT r.rn FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY column_id ORDER BY position, id) - 1 AS rn
                      FROM tasks) r
    WHERE r.id = tasks.id);
