-- Idempotent by content hash: a duplicate (even one committed by a concurrent ingest a moment ago) inserts nothing
-- and returns no row; the caller then looks the existing ids up. Hashes are distinct within one call.
-- Ids follow the input order, so a file's last article is the newest.
-- Arrays: $1 content hashes, $2 titles, $3 texts, $4 urls, $5 sources, $6 published, $7 mention counts,
-- $8 displacement counts, $9 event counts
INSERT INTO articles (content_hash, title, text, url, source, published, mention_count, displacement_count, event_count)
SELECT u.content_hash, u.title, u.text, u.url, u.source, u.published, u.mention_count, u.displacement_count, u.event_count
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::int[], $8::int[], $9::int[])
     WITH ORDINALITY AS u(content_hash, title, text, url, source, published, mention_count, displacement_count, event_count, ord)
ORDER BY u.ord
ON CONFLICT (content_hash) DO NOTHING
RETURNING content_hash, id, COALESCE(published, ingested_at);
