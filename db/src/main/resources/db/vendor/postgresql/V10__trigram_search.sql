-- PostgreSQL only (Flyway's location db/vendor/{vendor}): search and board filters look for text anywhere in titles,
-- descriptions and comments with lower(column) LIKE '%text%', which trigram indexes serve. H2 scans.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX ix_tasks_title_trgm ON tasks USING gin (lower(title) gin_trgm_ops);
CREATE INDEX ix_tasks_description_trgm ON tasks USING gin (lower(description) gin_trgm_ops);
CREATE INDEX ix_comments_body_trgm ON comments USING gin (lower(body) gin_trgm_ops);
