-- A board's event sequence is the highest seq in its log (read by primary key), so the realtime module, which owns
-- board_events, no longer writes the boards table. Writers still serialize on the board's row lock.
ALTER TABLE boards DROP COLUMN last_event_seq;
