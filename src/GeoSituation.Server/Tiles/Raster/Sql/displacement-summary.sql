-- Raster displacement summary in tile pixels (x16), 40 px margin (the largest circle is 35 px).
-- $1 z, $2 x, $3 y, $4 start, $5 end. The summary of the figures near the tile (Migrations/0003 in
-- GeoSituation.Postgis), largest first (drawn first, smaller ones on top).
-- The margin envelope is clipped to the world first: past +-180 deg ST_Transform wraps it round to the
-- other side of the globe (at z1 the eastern tile would query the western hemisphere).
WITH bounds AS (
    SELECT ST_TileEnvelope($1, $2, $3) AS env,
           ST_Transform(ST_Intersection(ST_TileEnvelope($1, $2, $3, margin => 0.15625), ST_TileEnvelope(0, 0, 0)), 4326) AS query_env
)
SELECT ST_AsBinary(ST_AsMVTGeom(ST_Transform(s.geom, 3857), b.env, 4096, 640, true)) AS geom,
       json_build_object('people', s.properties->'people', 'low', s.properties->'low', 'high', s.properties->'high',
                         'direction', s.properties->'direction', 'sources', s.properties->'sources')::text AS properties
FROM bounds b
CROSS JOIN LATERAL displacement_summary(b.query_env) s
WHERE ($4::timestamptz IS NULL OR s.t_end >= $4::timestamptz)
  AND ($5::timestamptz IS NULL OR s.t_start <= $5::timestamptz)
ORDER BY (s.properties->>'high')::bigint DESC, s.fid
LIMIT 5000;
