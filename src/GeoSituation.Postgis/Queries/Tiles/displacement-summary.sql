-- $1 z, $2 x, $3 y, $4 datetime start (or NULL), $5 datetime end (or NULL), $6 property filters
-- (jsonb object matched against the feature's properties, or NULL).
-- The displacement summary (Migrations/0003) of the figures inside the tile: one feature per place, direction
-- and week, keyed by the collection's fid; the largest first, capped per tile.
WITH bounds AS (
    SELECT ST_TileEnvelope($1, $2, $3) AS env,
           -- The margin must not cross the antimeridian: ST_Transform would wrap it to the other hemisphere
           -- (tile z1 1/0 would query longitudes -177..-3), so clip it to the world first.
           ST_Transform(ST_Intersection(ST_TileEnvelope($1, $2, $3, margin => 0.015625), ST_TileEnvelope(0, 0, 0)), 4326) AS query_env
), features AS (
    SELECT s.fid AS id,
           props.*,
           ST_AsMVTGeom(ST_Transform(s.geom, 3857), b.env, 4096, 64, true) AS geom
    FROM bounds b
    CROSS JOIN LATERAL displacement_summary(b.query_env) s
    -- The properties, defined once: written to the tile and matched by the property filters ($6).
    CROSS JOIN LATERAL (
        SELECT s.properties->>'place' AS place,
               (s.properties->>'geonameid')::bigint AS geonameid,
               s.properties->>'pcode' AS pcode,
               (s.properties->>'pcode_approximate')::boolean AS pcode_approximate,
               s.properties->>'direction' AS direction,
               s.properties->>'period' AS period,
               (s.properties->>'people')::bigint AS people,
               s.properties->>'qualifier' AS qualifier,
               s.properties->>'as_of' AS as_of,
               s.properties->>'source' AS source,
               (s.properties->>'low')::bigint AS low,
               s.properties->>'low_source' AS low_source,
               (s.properties->>'high')::bigint AS high,
               s.properties->>'high_source' AS high_source,
               (s.properties->>'sources')::integer AS sources,
               (s.properties->>'figures')::integer AS figures,
               (s.properties->>'area_km2')::float8 AS area_km2,
               (s.properties->>'area_approximate')::boolean AS area_approximate,
               (s.properties->>'density_per_km2')::float8 AS density_per_km2
    ) props
    WHERE ($4::timestamptz IS NULL OR s.t_end >= $4::timestamptz)
      AND ($5::timestamptz IS NULL OR s.t_start <= $5::timestamptz)
      AND ($6::jsonb IS NULL OR to_jsonb(props) @> $6::jsonb)
    ORDER BY (s.properties->>'high')::bigint DESC, s.fid
    LIMIT 5000
)
SELECT ST_AsMVT(features.*, 'displacement-summary', 4096, 'geom', 'id') FROM features WHERE geom IS NOT NULL;
