-- Arrays, one element per mention: $1 article ids, $2 seen at, $3 place ids, $4 starts, $5 ends, $6 surfaces,
-- $7 sentence starts, $8 sentence ends, $9 confidences
INSERT INTO mentions (article_id, place_id, start_offset, end_offset, surface, sentence_start, sentence_end, confidence, seen_at, geom)
SELECT u.article_id, u.place_id, u.start_offset, u.end_offset, u.surface, u.sentence_start, u.sentence_end, u.confidence, u.seen_at, p.geom
FROM unnest($1::bigint[], $2::timestamptz[], $3::bigint[], $4::int[], $5::int[], $6::text[], $7::int[], $8::int[], $9::real[]) WITH ORDINALITY
     AS u(article_id, seen_at, place_id, start_offset, end_offset, surface, sentence_start, sentence_end, confidence, ord)
JOIN places p ON p.id = u.place_id
ORDER BY u.ord;
