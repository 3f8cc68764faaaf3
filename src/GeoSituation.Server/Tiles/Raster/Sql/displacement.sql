-- Raster displacement figures in tile pixels (x16), 40 px margin (the largest circle is 35 px).
-- $1 z, $2 x, $3 y, $4 start, $5 end. Largest figures first (drawn first, smaller ones on top).
-- The margin envelope is clipped to the world first: past +-180 deg ST_Transform wraps it round to the
-- other side of the globe (at z1 the eastern tile would query the western hemisphere).
WITH bounds AS (
    SELECT ST_TileEnvelope($1, $2, $3) AS env,
           ST_Transform(ST_Intersection(ST_TileEnvelope($1, $2, $3, margin => 0.15625), ST_TileEnvelope(0, 0, 0)), 4326) AS query_env
)
SELECT ST_AsBinary(ST_AsMVTGeom(ST_Transform(d.geom, 3857), b.env, 4096, 640, true)) AS geom,
       json_build_object('people', d.people, 'low', d.low, 'high', d.high)::text AS properties
FROM displacement d, bounds b
WHERE d.geom && b.query_env
  AND ($4::timestamptz IS NULL OR COALESCE(d.as_of::timestamp AT TIME ZONE 'UTC', d.seen_at) >= $4::timestamptz)
  AND ($5::timestamptz IS NULL OR COALESCE(d.as_of::timestamp AT TIME ZONE 'UTC', d.seen_at) <= $5::timestamptz)
ORDER BY d.people DESC, d.id
LIMIT CASE WHEN $1 < 6 THEN 5000 ELSE 10000 END;  -- the same cap as the vector tile (Queries/Tiles/displacement.sql)
