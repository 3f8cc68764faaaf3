-- Where an article's features are: one row per distinct point (x2/y2 NULL) and one per flow line.
SELECT ST_X(geom), ST_Y(geom), NULL::float8, NULL::float8
FROM (
    SELECT geom FROM mentions WHERE article_id = $1
    UNION
    SELECT geom FROM displacement WHERE article_id = $1 AND geom IS NOT NULL
    UNION
    SELECT geom FROM events WHERE article_id = $1
) AS points
UNION ALL
SELECT ST_X(ST_StartPoint(geom)), ST_Y(ST_StartPoint(geom)), ST_X(ST_EndPoint(geom)), ST_Y(ST_EndPoint(geom))
FROM flows
WHERE article_id = $1;
