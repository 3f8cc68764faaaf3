SELECT id, title, url, source, published, ingested_at, content_hash, mention_count, displacement_count, event_count, text
FROM articles
WHERE id = $1;
