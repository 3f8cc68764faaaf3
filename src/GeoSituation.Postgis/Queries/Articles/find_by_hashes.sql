-- $1 content hashes
SELECT content_hash, id FROM articles WHERE content_hash = ANY($1::text[]);
