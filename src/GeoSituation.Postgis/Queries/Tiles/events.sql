-- $1 z, $2 x, $3 y, $4 datetime start (or NULL), $5 datetime end (or NULL), $6 property filters
-- (jsonb object matched against the feature's properties, or NULL). Newest first, capped per tile.
WITH bounds AS (
    SELECT ST_TileEnvelope($1, $2, $3) AS env,
           -- The margin must not cross the antimeridian: ST_Transform would wrap it to the other hemisphere
           -- (tile z1 1/0 would query longitudes -177..-3), so clip it to the world first.
           ST_Transform(ST_Intersection(ST_TileEnvelope($1, $2, $3, margin => 0.015625), ST_TileEnvelope(0, 0, 0)), 4326) AS query_env
), features AS (
    SELECT e.id,
           props.*,
           ST_AsMVTGeom(ST_Transform(e.geom, 3857), b.env, 4096, 64, true) AS geom
    FROM events e
    JOIN places p ON p.id = e.place_id
    CROSS JOIN bounds b
    -- The properties, defined once: written to the tile and matched by the property filters ($6).
    CROSS JOIN LATERAL (
        SELECT e.event_type,
               e.sub_type,
               to_char(e.event_date, 'YYYY-MM-DD') AS date,
               p.name AS place,
               CASE WHEN p.id > 0 THEN p.id END AS geonameid,
               e.fatalities,
               e.article_id,
               e.confidence,
               e.actor1,
               e.inter1,
               e.actor2,
               e.inter2,
               e.interaction
    ) props
    WHERE e.geom && b.query_env
      AND ($6::jsonb IS NULL OR to_jsonb(props) @> $6::jsonb)
      AND ($4::timestamptz IS NULL OR COALESCE(e.event_date::timestamp AT TIME ZONE 'UTC', e.seen_at) >= $4::timestamptz)
      AND ($5::timestamptz IS NULL OR COALESCE(e.event_date::timestamp AT TIME ZONE 'UTC', e.seen_at) <= $5::timestamptz)
    ORDER BY e.id DESC
    LIMIT 10000
)
SELECT ST_AsMVT(features.*, 'events', 4096, 'geom', 'id') FROM features WHERE geom IS NOT NULL;
