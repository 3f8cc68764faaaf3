-- $1 z, $2 x, $3 y, $4 datetime start (or NULL), $5 datetime end (or NULL), $6 property filters
-- (jsonb object matched against the feature's properties, or NULL).
-- Busiest places first, capped, so low-zoom tiles stay small.
-- MVT feature ids are unsigned and countries and regions have negative gazetteer ids: the id is the id without its
-- sign (GeoNames ids and the 12-digit ids of countries never meet) and place_id keeps the gazetteer id.
WITH bounds AS (
    SELECT ST_TileEnvelope($1, $2, $3) AS env,
           -- The margin must not cross the antimeridian: ST_Transform would wrap it to the other hemisphere
           -- (tile z1 1/0 would query longitudes -177..-3), so clip it to the world first.
           ST_Transform(ST_Intersection(ST_TileEnvelope($1, $2, $3, margin => 0.015625), ST_TileEnvelope(0, 0, 0)), 4326) AS query_env
), features AS (
    SELECT abs(p.id) AS id,
           p.id AS place_id,
           props.*,
           ST_AsMVTGeom(ST_Transform(p.geom, 3857), b.env, 4096, 64, true) AS geom
    FROM places p
    CROSS JOIN bounds b
    -- The properties, defined once: written to the tile and matched by the property filters ($6).
    CROSS JOIN LATERAL (
        SELECT p.name,
               CASE WHEN p.id > 0 THEN p.id END AS geonameid,
               p.kind,
               p.country,
               p.pcode,
               p.mention_count AS mentions,
               p.article_count AS articles,
               to_char(p.first_seen AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS first_seen,
               to_char(p.last_seen AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS last_seen
    ) props
    WHERE p.geom && b.query_env
      AND ($6::jsonb IS NULL OR to_jsonb(props) @> $6::jsonb)
      AND p.mention_count > 0
      AND ($4::timestamptz IS NULL OR p.last_seen >= $4::timestamptz)
      AND ($5::timestamptz IS NULL OR p.first_seen <= $5::timestamptz)
    ORDER BY p.mention_count DESC, p.id
    LIMIT 5000
)
SELECT ST_AsMVT(features.*, 'places', 4096, 'geom', 'id') FROM features WHERE geom IS NOT NULL;
