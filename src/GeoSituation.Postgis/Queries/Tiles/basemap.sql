-- The offline basemap: country outlines, hand-kept regions, Gaza governorates (approximate polygons) and
-- place labels. $1 z, $2 x, $3 y, $4 smallest population labelled at this zoom.
-- Below zoom 6 the simplified outlines are drawn: the full Natural Earth detail is invisible there.
-- Gazetteer ids of countries and regions are negative and MVT ids are unsigned, so ids are made positive.
WITH bounds AS (
    SELECT ST_TileEnvelope($1, $2, $3) AS env
), countries AS (
    SELECT abs(b.id) AS id, b.name, b.country,
           ST_AsMVTGeom(CASE WHEN $1 < 6 THEN b.geom_3857_low ELSE b.geom_3857 END, bounds.env, 4096, 64, true) AS geom
    FROM boundaries b, bounds
    WHERE b.kind = 'country' AND b.geom_3857 && bounds.env
), regions AS (
    SELECT abs(b.id) AS id, b.name, b.country, b.approximate,
           ST_AsMVTGeom(CASE WHEN $1 < 6 THEN b.geom_3857_low ELSE b.geom_3857 END, bounds.env, 4096, 64, true) AS geom
    FROM boundaries b, bounds
    WHERE b.kind = 'region' AND b.geom_3857 && bounds.env
), governorates AS (
    SELECT abs(b.id) AS id, b.name, b.country, b.pcode, b.iso3166_2, b.approximate,
           ST_AsMVTGeom(b.geom_3857, bounds.env, 4096, 64, true) AS geom
    FROM boundaries b, bounds
    WHERE b.kind = 'admin' AND b.geom_3857 && bounds.env
), labels AS (
    SELECT p.id, p.name, p.country, p.population, p.feature_code,
           ST_AsMVTGeom(p.geom_3857, bounds.env, 4096, 0, true) AS geom
    FROM populated_places p, bounds
    WHERE p.geom_3857 && bounds.env
      AND (p.population >= $4 OR (p.feature_code = 'PPLC' AND $1 >= 3))
    ORDER BY p.population DESC
    LIMIT 500
)
SELECT COALESCE((SELECT ST_AsMVT(q, 'countries', 4096, 'geom', 'id') FROM countries q WHERE q.geom IS NOT NULL), ''::bytea)
    || COALESCE((SELECT ST_AsMVT(q, 'regions', 4096, 'geom', 'id') FROM regions q WHERE q.geom IS NOT NULL), ''::bytea)
    || COALESCE((SELECT ST_AsMVT(q, 'governorates', 4096, 'geom', 'id') FROM governorates q WHERE q.geom IS NOT NULL), ''::bytea)
    || COALESCE((SELECT ST_AsMVT(q, 'labels', 4096, 'geom', 'id') FROM labels q WHERE q.geom IS NOT NULL), ''::bytea);
