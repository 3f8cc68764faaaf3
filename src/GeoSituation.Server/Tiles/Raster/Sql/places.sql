-- Raster places: what the vector places tile holds, in tile pixels (x16), with a 40 px margin so symbols
-- of features just outside the tile are drawn where they overlap it. $1 z, $2 x, $3 y, $4 start, $5 end.
-- The margin envelope is clipped to the world first: past +-180 deg ST_Transform wraps it round to the
-- other side of the globe (at z1 the eastern tile would query the western hemisphere).
WITH bounds AS (
    SELECT ST_TileEnvelope($1, $2, $3) AS env,
           ST_Transform(ST_Intersection(ST_TileEnvelope($1, $2, $3, margin => 0.15625), ST_TileEnvelope(0, 0, 0)), 4326) AS query_env
)
SELECT ST_AsBinary(ST_AsMVTGeom(ST_Transform(p.geom, 3857), b.env, 4096, 640, true)) AS geom,
       json_build_object('mentions', p.mention_count, 'articles', p.article_count, 'kind', p.kind)::text AS properties
FROM places p, bounds b
WHERE p.geom && b.query_env
  AND p.mention_count > 0
  AND ($4::timestamptz IS NULL OR p.last_seen >= $4::timestamptz)
  AND ($5::timestamptz IS NULL OR p.first_seen <= $5::timestamptz)
-- Busiest places first like the vector tile; drawn in reverse so the busiest end up on top.
ORDER BY p.mention_count DESC, p.id
LIMIT 5000;
