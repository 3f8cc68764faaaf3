-- $1 z, $2 x, $3 y, $4 datetime start (or NULL), $5 datetime end (or NULL), $6 property filters
-- (jsonb object matched against the feature's properties, or NULL). Largest figures first, capped per tile.
WITH bounds AS (
    SELECT ST_TileEnvelope($1, $2, $3) AS env,
           -- The margin must not cross the antimeridian: ST_Transform would wrap it to the other hemisphere
           -- (tile z1 1/0 would query longitudes -177..-3), so clip it to the world first.
           ST_Transform(ST_Intersection(ST_TileEnvelope($1, $2, $3, margin => 0.015625), ST_TileEnvelope(0, 0, 0)), 4326) AS query_env
), features AS (
    SELECT d.id,
           props.*,
           ST_AsMVTGeom(ST_Transform(d.geom, 3857), b.env, 4096, 64, true) AS geom
    FROM displacement d
    JOIN places p ON p.id = d.place_id
    CROSS JOIN bounds b
    -- The governorate a town lies in gives its P-code (Migrations/0003: pcode_area_at).
    LEFT JOIN LATERAL pcode_area_at(CASE WHEN p.pcode IS NULL THEN d.geom END) g ON true
    -- The properties, defined once: written to the tile and matched by the property filters ($6).
    CROSS JOIN LATERAL (
        SELECT d.people,
               d.low,
               d.high,
               d.qualifier,
               d.direction,
               p.name AS place,
               CASE WHEN p.id > 0 THEN p.id END AS geonameid,
               COALESCE(p.pcode, g.pcode) AS pcode,
               CASE WHEN p.pcode IS NOT NULL THEN false WHEN g.pcode IS NOT NULL THEN g.approximate END AS pcode_approximate,
               d.is_vague,
               to_char(d.as_of, 'YYYY-MM-DD') AS as_of,
               d.article_id,
               d.confidence,
               d.unit,
               d.movement,
               d.source_agency
    ) props
    WHERE d.geom && b.query_env
      AND ($6::jsonb IS NULL OR to_jsonb(props) @> $6::jsonb)
      AND ($4::timestamptz IS NULL OR COALESCE(d.as_of::timestamp AT TIME ZONE 'UTC', d.seen_at) >= $4::timestamptz)
      AND ($5::timestamptz IS NULL OR COALESCE(d.as_of::timestamp AT TIME ZONE 'UTC', d.seen_at) <= $5::timestamptz)
    ORDER BY d.people DESC, d.id
    -- Below z6 one tile spans a region: the largest 5,000 figures (about 60 bytes each) keep it under 500 KB.
    LIMIT CASE WHEN $1 < 6 THEN 5000 ELSE 10000 END
)
SELECT ST_AsMVT(features.*, 'displacement', 4096, 'geom', 'id') FROM features WHERE geom IS NOT NULL;
