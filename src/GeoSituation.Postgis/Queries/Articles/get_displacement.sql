SELECT d.id, d.people, d.low, d.high, d.qualifier, d.number_text, d.direction, p.id, p.name, p.pcode,
       ST_Y(d.geom), ST_X(d.geom), o.id, o.name, d.as_of, d.as_of_basis, d.start_offset, d.end_offset, d.quote, d.confidence
FROM displacement d
LEFT JOIN places p ON p.id = d.place_id
LEFT JOIN places o ON o.id = d.origin_id
WHERE d.article_id = $1
ORDER BY d.start_offset, d.id;
