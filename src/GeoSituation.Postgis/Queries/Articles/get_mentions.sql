SELECT m.id, p.id, p.name, p.country, ST_Y(m.geom), ST_X(m.geom), m.surface, m.start_offset, m.end_offset,
       m.sentence_start, m.sentence_end, m.confidence
FROM mentions m
JOIN places p ON p.id = m.place_id
WHERE m.article_id = $1
ORDER BY m.start_offset, m.id;
