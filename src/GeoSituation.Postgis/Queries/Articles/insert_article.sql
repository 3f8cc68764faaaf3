-- Idempotent by content hash: a duplicate (even one committed by a concurrent ingest a moment ago) inserts nothing
-- and returns no row; the caller then looks the existing id up.
INSERT INTO articles (content_hash, title, text, url, source, published, mention_count, displacement_count, event_count)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
ON CONFLICT (content_hash) DO NOTHING
RETURNING id, COALESCE(published, ingested_at);
