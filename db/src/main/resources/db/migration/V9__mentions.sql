-- Notifications of mentions next to reminders: a mention has no due time, but someone who made it (kept by name
-- too, so the list reads the same after they delete their account), the comment it was in (none for a task's
-- description) and the start of the text. Kind: DUE_SOON, OVERDUE or MENTIONED.
ALTER TABLE notifications ALTER COLUMN due_at DROP NOT NULL;
ALTER TABLE notifications ADD COLUMN actor_id BIGINT;
ALTER TABLE notifications ADD COLUMN actor_name VARCHAR(40);
ALTER TABLE notifications ADD COLUMN comment_id BIGINT;
ALTER TABLE notifications ADD COLUMN excerpt VARCHAR(300);
ALTER TABLE notifications ADD CONSTRAINT fk_notifications_actor FOREIGN KEY (actor_id) REFERENCES users (id)
    ON DELETE SET NULL;
ALTER TABLE notifications ADD CONSTRAINT fk_notifications_comment FOREIGN KEY (comment_id) REFERENCES comments (id)
    ON DELETE CASCADE;
-- A reconnecting stream asks for a person's notifications after the last one it showed.
CREATE INDEX ix_notifications_user_id ON notifications (user_id, id);
