-- Raster displacement figures in tile pixels (x16), 40 px margin (the largest circle is 35 px).
-- $1 z, $2 x, $3 y, $4 start, $5 end. Largest figures first (drawn first, smaller ones on top).
WITH bounds AS (
    SELECT ST_TileEnvelope($1, $2, $3) AS env,
           ST_Transform(ST_TileEnvelope($1, $2, $3, margin => 0.15625), 4326) AS query_env
)
SELECT ST_AsBinary(ST_AsMVTGeom(ST_Transform(d.geom, 3857), b.env, 4096, 640, true)) AS geom,
       json_build_object('people', d.people, 'low', d.low, 'high', d.high)::text AS properties
FROM displacement d, bounds b
WHERE d.geom && b.query_env
  AND ($4::timestamptz IS NULL OR COALESCE(d.as_of::timestamp AT TIME ZONE 'UTC', d.seen_at) >= $4::timestamptz)
  AND ($5::timestamptz IS NULL OR COALESCE(d.as_of::timestamp AT TIME ZONE 'UTC', d.seen_at) <= $5::timestamptz)
ORDER BY d.people DESC, d.id
LIMIT 10000;
