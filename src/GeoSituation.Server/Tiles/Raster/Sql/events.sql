-- Raster events in tile pixels (x16), 40 px margin. $1 z, $2 x, $3 y, $4 start, $5 end. Newest first.
-- The margin envelope is clipped to the world first: past +-180 deg ST_Transform wraps it round to the
-- other side of the globe (at z1 the eastern tile would query the western hemisphere).
WITH bounds AS (
    SELECT ST_TileEnvelope($1, $2, $3) AS env,
           ST_Transform(ST_Intersection(ST_TileEnvelope($1, $2, $3, margin => 0.15625), ST_TileEnvelope(0, 0, 0)), 4326) AS query_env
)
SELECT ST_AsBinary(ST_AsMVTGeom(ST_Transform(e.geom, 3857), b.env, 4096, 640, true)) AS geom,
       json_build_object('event_type', e.event_type, 'fatalities', e.fatalities)::text AS properties
FROM events e, bounds b
WHERE e.geom && b.query_env
  AND ($4::timestamptz IS NULL OR COALESCE(e.event_date::timestamp AT TIME ZONE 'UTC', e.seen_at) >= $4::timestamptz)
  AND ($5::timestamptz IS NULL OR COALESCE(e.event_date::timestamp AT TIME ZONE 'UTC', e.seen_at) <= $5::timestamptz)
ORDER BY e.id DESC
LIMIT 10000;
