-- Figures, and a flow line for each figure that names both an origin and a different destination.
-- Arrays, one element per figure: $1 article ids, $2 seen at, $3 place ids, $4 origin ids, $5 people, $6 low, $7 high,
-- $8 qualifiers, $9 number texts, $10 directions, $11 as-of dates, $12 as-of bases, $13 starts, $14 ends,
-- $15 sentence starts, $16 sentence ends, $17 quotes, $18 confidences, $19 qualifiers as written, $20 vague flags,
-- $21 units, $22 stated counts, $23 household sizes, $24 movements, $25 source agencies
WITH input AS (
    SELECT *
    FROM unnest($1::bigint[], $2::timestamptz[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[],
                $8::text[], $9::text[], $10::text[], $11::date[], $12::text[], $13::int[], $14::int[], $15::int[], $16::int[],
                $17::text[], $18::real[], $19::text[], $20::boolean[], $21::text[], $22::bigint[], $23::real[],
                $24::text[], $25::text[]) WITH ORDINALITY
         AS u(article_id, seen_at, place_id, origin_id, people, low, high, qualifier, number_text, direction, as_of, as_of_basis,
              start_offset, end_offset, sentence_start, sentence_end, quote, confidence, qualifier_text, is_vague,
              unit, stated_count, household_size, movement, source_agency, ord)
), inserted AS (
    INSERT INTO displacement (article_id, place_id, origin_id, people, low, high, qualifier, number_text, direction, as_of,
                              as_of_basis, start_offset, end_offset, sentence_start, sentence_end, quote, confidence, seen_at, geom,
                              qualifier_text, is_vague, unit, stated_count, household_size, movement, source_agency)
    SELECT i.article_id, i.place_id, i.origin_id, i.people, i.low, i.high, i.qualifier, i.number_text, i.direction, i.as_of,
           i.as_of_basis, i.start_offset, i.end_offset, i.sentence_start, i.sentence_end, i.quote, i.confidence, i.seen_at, p.geom,
           i.qualifier_text, i.is_vague, i.unit, i.stated_count, i.household_size, i.movement, i.source_agency
    FROM input i
    LEFT JOIN places p ON p.id = i.place_id
    ORDER BY i.ord
    RETURNING id, article_id, seen_at, place_id, origin_id, people, as_of
)
INSERT INTO flows (article_id, displacement_id, origin_id, destination_id, people, as_of, seen_at, geom)
SELECT d.article_id, d.id, d.origin_id, d.place_id, d.people, d.as_of, d.seen_at, ST_MakeLine(o.geom, p.geom)
FROM inserted d
JOIN places o ON o.id = d.origin_id
JOIN places p ON p.id = d.place_id
WHERE d.origin_id <> d.place_id
ORDER BY d.id;
