-- Where articles put features, all of a commit's articles at once: one row per distinct point (x2/y2 NULL) and
-- one per distinct flow line. $1 article ids
SELECT ST_X(geom), ST_Y(geom), NULL::float8, NULL::float8
FROM (
    SELECT geom FROM mentions WHERE article_id = ANY($1::bigint[])
    UNION
    SELECT geom FROM displacement WHERE article_id = ANY($1::bigint[]) AND geom IS NOT NULL
    UNION
    SELECT geom FROM events WHERE article_id = ANY($1::bigint[])
) AS points
UNION ALL
SELECT DISTINCT ST_X(ST_StartPoint(geom)), ST_Y(ST_StartPoint(geom)), ST_X(ST_EndPoint(geom)), ST_Y(ST_EndPoint(geom))
FROM flows
WHERE article_id = ANY($1::bigint[]);
