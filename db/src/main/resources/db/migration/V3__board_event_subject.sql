-- The member a board event is about (MEMBER_REMOVED: whose streams every instance ends at once).
ALTER TABLE board_events ADD COLUMN subject VARCHAR(40);
