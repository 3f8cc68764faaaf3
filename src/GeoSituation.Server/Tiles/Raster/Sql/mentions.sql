-- Raster mentions in tile pixels (x16), 40 px margin. $1 z, $2 x, $3 y, $4 start, $5 end. Newest first.
-- The margin envelope is clipped to the world first: past +-180 deg ST_Transform wraps it round to the
-- other side of the globe (at z1 the eastern tile would query the western hemisphere).
WITH bounds AS (
    SELECT ST_TileEnvelope($1, $2, $3) AS env,
           ST_Transform(ST_Intersection(ST_TileEnvelope($1, $2, $3, margin => 0.15625), ST_TileEnvelope(0, 0, 0)), 4326) AS query_env
)
SELECT ST_AsBinary(ST_AsMVTGeom(ST_Transform(m.geom, 3857), b.env, 4096, 640, true)) AS geom,
       json_build_object('confidence', m.confidence)::text AS properties
FROM mentions m, bounds b
WHERE m.geom && b.query_env
  AND ($4::timestamptz IS NULL OR m.seen_at >= $4::timestamptz)
  AND ($5::timestamptz IS NULL OR m.seen_at <= $5::timestamptz)
ORDER BY m.id DESC
LIMIT 20000;
