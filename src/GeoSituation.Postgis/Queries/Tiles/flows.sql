-- $1 z, $2 x, $3 y, $4 datetime start (or NULL), $5 datetime end (or NULL), $6 property filters
-- (jsonb object matched against the feature's properties, or NULL). Largest flows first, capped per tile.
WITH bounds AS (
    SELECT ST_TileEnvelope($1, $2, $3) AS env,
           -- The margin must not cross the antimeridian: ST_Transform would wrap it to the other hemisphere
           -- (tile z1 1/0 would query longitudes -177..-3), so clip it to the world first.
           ST_Transform(ST_Intersection(ST_TileEnvelope($1, $2, $3, margin => 0.015625), ST_TileEnvelope(0, 0, 0)), 4326) AS query_env
), features AS (
    SELECT f.id,
           props.*,
           ST_AsMVTGeom(ST_Transform(f.geom, 3857), b.env, 4096, 64, true) AS geom
    FROM flows f
    JOIN places o ON o.id = f.origin_id
    JOIN places d ON d.id = f.destination_id
    CROSS JOIN bounds b
    -- The properties, defined once: written to the tile and matched by the property filters ($6).
    CROSS JOIN LATERAL (
        SELECT f.people,
               o.name AS origin,
               d.name AS destination,
               to_char(f.as_of, 'YYYY-MM-DD') AS as_of,
               f.displacement_id,
               f.article_id
    ) props
    WHERE f.geom && b.query_env
      AND ($6::jsonb IS NULL OR to_jsonb(props) @> $6::jsonb)
      AND ($4::timestamptz IS NULL OR COALESCE(f.as_of::timestamp AT TIME ZONE 'UTC', f.seen_at) >= $4::timestamptz)
      AND ($5::timestamptz IS NULL OR COALESCE(f.as_of::timestamp AT TIME ZONE 'UTC', f.seen_at) <= $5::timestamptz)
    ORDER BY f.people DESC, f.id
    LIMIT 5000
)
SELECT ST_AsMVT(features.*, 'flows', 4096, 'geom', 'id') FROM features WHERE geom IS NOT NULL;
