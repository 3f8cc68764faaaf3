-- $1 limit, $2 offset; newest first
SELECT id, title, url, source, published, ingested_at, content_hash, mention_count, displacement_count, event_count,
       count(*) OVER () AS total
FROM articles
ORDER BY id DESC
LIMIT $1 OFFSET $2;
