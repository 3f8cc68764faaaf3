-- $1 article id, $2 seen at; arrays: $3 place ids, $4 starts, $5 ends, $6 surfaces, $7 sentence starts, $8 sentence ends, $9 confidences
INSERT INTO mentions (article_id, place_id, start_offset, end_offset, surface, sentence_start, sentence_end, confidence, seen_at, geom)
SELECT $1, u.place_id, u.start_offset, u.end_offset, u.surface, u.sentence_start, u.sentence_end, u.confidence, $2, p.geom
FROM unnest($3::bigint[], $4::int[], $5::int[], $6::text[], $7::int[], $8::int[], $9::real[]) WITH ORDINALITY
     AS u(place_id, start_offset, end_offset, surface, sentence_start, sentence_end, confidence, ord)
JOIN places p ON p.id = u.place_id
ORDER BY u.ord;
