-- $1 z, $2 x, $3 y, $4 datetime start (or NULL), $5 datetime end (or NULL). Newest first, capped per tile.
WITH bounds AS (
    SELECT ST_TileEnvelope($1, $2, $3) AS env,
           ST_Transform(ST_TileEnvelope($1, $2, $3, margin => 0.015625), 4326) AS query_env
), features AS (
    SELECT m.id,
           m.surface,
           m.place_id,
           m.article_id,
           m.confidence,
           to_char(m.seen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS seen_at,
           ST_AsMVTGeom(ST_Transform(m.geom, 3857), b.env, 4096, 64, true) AS geom
    FROM mentions m, bounds b
    WHERE m.geom && b.query_env
      AND ($4::timestamptz IS NULL OR m.seen_at >= $4::timestamptz)
      AND ($5::timestamptz IS NULL OR m.seen_at <= $5::timestamptz)
    ORDER BY m.id DESC
    LIMIT 20000
)
SELECT ST_AsMVT(features.*, 'mentions', 4096, 'geom', 'id') FROM features WHERE geom IS NOT NULL;
