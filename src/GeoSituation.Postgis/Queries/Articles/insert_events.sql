-- Arrays, one element per event: $1 article ids, $2 seen at, $3 place ids, $4 types, $5 sub-types, $6 dates,
-- $7 geo precisions, $8 time precisions, $9 fatalities, $10 sentence starts, $11 sentence ends, $12 quotes, $13 confidences,
-- $14 actor1 names, $15 actor1 inter codes, $16 actor2 names, $17 actor2 inter codes (interaction is generated from them)
INSERT INTO events (article_id, place_id, event_type, sub_type, event_date, geo_precision, time_precision, fatalities,
                    sentence_start, sentence_end, quote, confidence, seen_at, geom, actor1, inter1, actor2, inter2)
SELECT u.article_id, u.place_id, u.event_type, u.sub_type, u.event_date, u.geo_precision, u.time_precision, u.fatalities,
       u.sentence_start, u.sentence_end, u.quote, u.confidence, u.seen_at, p.geom, u.actor1, u.inter1, u.actor2, u.inter2
FROM unnest($1::bigint[], $2::timestamptz[], $3::bigint[], $4::text[], $5::text[], $6::date[], $7::smallint[], $8::smallint[],
            $9::int[], $10::int[], $11::int[], $12::text[], $13::real[], $14::text[], $15::smallint[], $16::text[], $17::smallint[])
     WITH ORDINALITY
     AS u(article_id, seen_at, place_id, event_type, sub_type, event_date, geo_precision, time_precision, fatalities,
          sentence_start, sentence_end, quote, confidence, actor1, inter1, actor2, inter2, ord)
JOIN places p ON p.id = u.place_id
ORDER BY u.ord;
