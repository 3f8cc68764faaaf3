SELECT e.id, e.event_type, e.sub_type, e.event_date, p.id, p.name, ST_Y(e.geom), ST_X(e.geom), e.geo_precision,
       e.time_precision, e.fatalities, e.quote, e.confidence, e.actor1, e.inter1, e.actor2, e.inter2, e.interaction
FROM events e
JOIN places p ON p.id = e.place_id
WHERE e.article_id = $1
ORDER BY e.sentence_start, e.id;
