-- $1 z, $2 x, $3 y, $4 datetime start (or NULL), $5 datetime end (or NULL), $6 property filters
-- (jsonb, or NULL): place_id and article_id select the mentions counted
-- and shown.
-- Every mention of a place sits on the place's point, so below zoom 12 they are aggregated per place
-- (one feature with the count: small tiles whatever the number of mentions); from zoom 12 each mention is
-- its own feature (newest first, capped). Both shapes share the fields; article_id, surface and confidence
-- are only set for single mentions.
WITH bounds AS (
    SELECT ST_TileEnvelope($1, $2, $3) AS env,
           -- The margin must not cross the antimeridian: ST_Transform would wrap it to the other hemisphere
           -- (tile z1 1/0 would query longitudes -177..-3), so clip it to the world first.
           ST_Transform(ST_Intersection(ST_TileEnvelope($1, $2, $3, margin => 0.015625), ST_TileEnvelope(0, 0, 0)), 4326) AS query_env
), per_place AS (
    SELECT m.place_id, count(*) AS mentions, count(DISTINCT m.article_id) AS articles, max(m.seen_at) AS last_seen
    FROM mentions m, bounds b
    WHERE $1 < 12
      AND m.geom && b.query_env
      AND ($4::timestamptz IS NULL OR m.seen_at >= $4::timestamptz)
      AND ($5::timestamptz IS NULL OR m.seen_at <= $5::timestamptz)
      AND ($6::jsonb ->> 'place_id' IS NULL OR m.place_id = ($6::jsonb ->> 'place_id')::bigint)
      AND ($6::jsonb ->> 'article_id' IS NULL OR m.article_id = ($6::jsonb ->> 'article_id')::bigint)
    GROUP BY m.place_id
    ORDER BY mentions DESC, m.place_id
    LIMIT 5000
), features AS (
    SELECT abs(p.id) AS id,
           p.id AS place_id,
           p.name AS place,
           a.mentions,
           a.articles,
           NULL::bigint AS article_id,
           NULL::text AS surface,
           NULL::real AS confidence,
           to_char(a.last_seen AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS seen_at,
           ST_AsMVTGeom(ST_Transform(p.geom, 3857), b.env, 4096, 64, true) AS geom
    FROM per_place a
    JOIN places p ON p.id = a.place_id
    CROSS JOIN bounds b
    UNION ALL
    SELECT *
    FROM (
        SELECT m.id,
               m.place_id,
               p.name,
               1::bigint,
               1::bigint,
               m.article_id,
               m.surface,
               m.confidence,
               to_char(m.seen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
               ST_AsMVTGeom(ST_Transform(m.geom, 3857), b.env, 4096, 64, true)
        FROM mentions m
        JOIN places p ON p.id = m.place_id
        CROSS JOIN bounds b
        WHERE $1 >= 12
          AND m.geom && b.query_env
          AND ($4::timestamptz IS NULL OR m.seen_at >= $4::timestamptz)
          AND ($5::timestamptz IS NULL OR m.seen_at <= $5::timestamptz)
          AND ($6::jsonb ->> 'place_id' IS NULL OR m.place_id = ($6::jsonb ->> 'place_id')::bigint)
          AND ($6::jsonb ->> 'article_id' IS NULL OR m.article_id = ($6::jsonb ->> 'article_id')::bigint)
        ORDER BY m.id DESC
        LIMIT 20000
    ) AS single
)
SELECT ST_AsMVT(features.*, 'mentions', 4096, 'geom', 'id') FROM features WHERE geom IS NOT NULL;
