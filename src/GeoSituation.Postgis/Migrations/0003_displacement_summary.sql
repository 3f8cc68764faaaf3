-- Displacement as planners read it: every figure with its wording and the P-code of the governorate it is in,
-- a per-place, per-week summary that shows ranges (never averages), and flows with their sources.

-- The qualifier as written ("An estimated", "as many as") next to its normalised form, and whether the figure
-- is a magnitude ("tens of thousands") whose people count is a fixed low bound.
ALTER TABLE displacement
    ADD COLUMN qualifier_text text,
    ADD COLUMN is_vague boolean NOT NULL DEFAULT false;

-- Areas in km² on the spheroid, computed once when a boundary is loaded. Approximate boundaries (the Gaza
-- governorates are Voronoi cells) have approximate areas: boundaries.approximate says so.
ALTER TABLE boundaries
    ADD COLUMN area_km2 double precision GENERATED ALWAYS AS (ST_Area(geom::geography) / 1e6) STORED;

-- The few boundaries that carry a humanitarian P-code (the Gaza governorates), for point-in-polygon look-ups.
CREATE INDEX boundaries_pcode_geom_idx ON boundaries USING gist (geom) WHERE kind = 'admin' AND pcode IS NOT NULL;

-- The P-coded admin area a point lies in (at most one row). A table function of one SELECT is inlined by the
-- planner into the query that uses it, so a LATERAL join costs one index probe per row.
CREATE FUNCTION pcode_area_at(point geometry)
RETURNS TABLE (pcode text, name text, approximate boolean)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT b.pcode, b.name, b.approximate
    FROM boundaries b
    WHERE b.kind = 'admin' AND b.pcode IS NOT NULL AND ST_Covers(b.geom, point)
    ORDER BY b.id
    LIMIT 1
$$;

-- Who published an article, for counting sources: its source, else its web site, else the article itself.
CREATE FUNCTION article_source_name(source text, url text, id bigint)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT COALESCE(NULLIF(btrim(source), ''),
                    NULLIF(lower(substring(url FROM '^[A-Za-z][A-Za-z0-9+.-]*://(?:[^/?#@]*@)?(?:www\.)?([^/?#:]+)')), ''),
                    'article ' || id::text)
$$;

-- The place's own P-code when it is a governorate; else the P-code of the governorate it lies in, found on the
-- approximate governorate polygons (pcode_approximate = true: a place near a boundary may be in its neighbour).
-- The look-up sits inside the properties' subquery so that numberMatched (count(*)) and keyset paging, which do
-- not read properties, do not pay for it.
CREATE OR REPLACE VIEW ogc_displacement AS
SELECT d.id AS fid,
       d.geom,
       COALESCE(d.as_of::timestamp AT TIME ZONE 'UTC', d.seen_at) AS t_start,
       COALESCE(d.as_of::timestamp AT TIME ZONE 'UTC', d.seen_at) AS t_end,
       (SELECT json_build_object(
           'people', d.people,
           'low', d.low,
           'high', d.high,
           'qualifier', d.qualifier,
           'number_text', d.number_text,
           'direction', d.direction,
           'place', p.name,
           'geonameid', CASE WHEN p.id > 0 THEN p.id END,
           'place_id', p.id,
           'pcode', COALESCE(p.pcode, g.pcode),
           'country', p.country,
           'origin', o.name,
           'origin_geonameid', CASE WHEN o.id > 0 THEN o.id END,
           'as_of', d.as_of,
           'as_of_basis', d.as_of_basis,
           'article_id', a.id,
           'article_url', a.url,
           'article_title', a.title,
           'quote', d.quote,
           'confidence', d.confidence,
           'qualifier_text', d.qualifier_text,
           'is_vague', d.is_vague,
           'pcode_approximate', CASE WHEN p.pcode IS NOT NULL THEN false WHEN g.pcode IS NOT NULL THEN g.approximate END,
           'admin_area', CASE WHEN p.pcode IS NULL THEN g.name END,
           'source', article_source_name(a.source, a.url, a.id),
           'origin_id', o.id)
        FROM (SELECT) AS one
        LEFT JOIN LATERAL pcode_area_at(CASE WHEN p.pcode IS NULL THEN d.geom END) g ON true) AS properties
FROM displacement d
LEFT JOIN places p ON p.id = d.place_id
LEFT JOIN places o ON o.id = d.origin_id
JOIN articles a ON a.id = d.article_id;

CREATE OR REPLACE VIEW ogc_flows AS
SELECT f.id AS fid,
       f.geom,
       COALESCE(f.as_of::timestamp AT TIME ZONE 'UTC', f.seen_at) AS t_start,
       COALESCE(f.as_of::timestamp AT TIME ZONE 'UTC', f.seen_at) AS t_end,
       json_build_object(
           'people', f.people,
           'origin', o.name,
           'origin_geonameid', CASE WHEN o.id > 0 THEN o.id END,
           'destination', d.name,
           'destination_geonameid', CASE WHEN d.id > 0 THEN d.id END,
           'as_of', f.as_of,
           'displacement_id', f.displacement_id,
           'article_id', f.article_id,
           'origin_id', o.id,
           'destination_id', d.id,
           'qualifier', x.qualifier,
           'number_text', x.number_text,
           'source', article_source_name(a.source, a.url, a.id),
           'article_url', a.url,
           'article_title', a.title,
           'quote', x.quote,
           'confidence', x.confidence) AS properties
FROM flows f
JOIN places o ON o.id = f.origin_id
JOIN places d ON d.id = f.destination_id
JOIN displacement x ON x.id = f.displacement_id
JOIN articles a ON a.id = f.article_id;

-- One feature per place, direction and ISO week of the figures' as-of dates (the published or ingest day when a
-- figure has none). Directions: "at" people there, "from" people who fled it, "to" people who came to it from a
-- named origin ("100,000 fled from Khan Younis to Rafah"): a movement, which must not pass for the number of
-- people in Rafah, so it is summarised apart. Why a week: situation reports come daily
-- to weekly and people in Gaza moved within days, so within a week different figures are different sources
-- disagreeing about one situation; over a month they would mostly be the situation changing.
--   people/qualifier/as_of/source...: the latest figure of the week (as-of date, then publication, then id);
--   low/high: the smallest lower end and the largest upper end any figure states ("1.5-1.7 million" gives 1.5
--   and 1.7 million), each with its source; never an average.
--   sources: distinct publishers (article_source_name); density: people per km² of the place's boundary for
--   figures of people at a place that has one (governorates, regions, countries), approximate when it is.
-- fid is the smallest displacement id in the group: unique, and unchanged when later figures join the group.
-- A function so that tiles can summarise only the figures inside a tile (area); the collection's view passes NULL.
-- The latest, lowest and highest figures are picked by id in the aggregate and read back by primary key.
-- No JIT: compiling this query's many expressions took seconds on our 2-core machine for a query that runs in
-- tens of milliseconds (10,000 figures: a tile in ~75 ms, a page of the collection in ~35 ms).
CREATE FUNCTION displacement_summary(area geometry)
RETURNS TABLE (fid bigint, geom geometry, t_start timestamptz, t_end timestamptz, properties json)
LANGUAGE sql STABLE PARALLEL SAFE
SET jit = off
AS $$
SELECT g.fid,
       p.geom,
       g.period_start::timestamp AT TIME ZONE 'UTC',
       (g.period_start + 7)::timestamp AT TIME ZONE 'UTC' - interval '1 microsecond',
       json_build_object(
           'place', p.name,
           'geonameid', CASE WHEN p.id > 0 THEN p.id END,
           'place_id', p.id,
           'pcode', COALESCE(p.pcode, a.pcode),
           'pcode_approximate', CASE WHEN p.pcode IS NOT NULL THEN false WHEN a.pcode IS NOT NULL THEN a.approximate END,
           'country', p.country,
           'direction', g.direction,
           'period', to_char(g.period_start, 'IYYY-"W"IW'),
           'period_start', g.period_start,
           'period_end', g.period_start + 6,
           'people', latest.people,
           'qualifier', latest.qualifier,
           'number_text', latest.number_text,
           'as_of', latest.as_of,
           'as_of_basis', latest.as_of_basis,
           'source', article_source_name(latest_article.source, latest_article.url, latest_article.id),
           'article_id', latest_article.id,
           'article_url', latest_article.url,
           'low', COALESCE(low.low, low.people),
           'low_number_text', low.number_text,
           'low_source', article_source_name(low_article.source, low_article.url, low_article.id),
           'high', COALESCE(high.high, high.people),
           'high_number_text', high.number_text,
           'high_source', article_source_name(high_article.source, high_article.url, high_article.id),
           'sources', g.sources,
           'source_names', g.source_names,
           'figures', g.figures,
           'articles', g.articles,
           'area_km2', round(b.area_km2::numeric, 1),
           'area_approximate', b.approximate,
           'density_per_km2', CASE WHEN g.direction = 'at' AND b.area_km2 > 0 THEN round((latest.people / b.area_km2)::numeric, 1) END,
           'density_low_per_km2', CASE WHEN g.direction = 'at' AND b.area_km2 > 0 THEN round((COALESCE(low.low, low.people) / b.area_km2)::numeric, 1) END,
           'density_high_per_km2', CASE WHEN g.direction = 'at' AND b.area_km2 > 0 THEN round((COALESCE(high.high, high.people) / b.area_km2)::numeric, 1) END,
           'figure_ids', g.figure_ids)
FROM (
    SELECT f.place_id,
           f.direction,
           f.period_start,
           min(f.id) AS fid,
           (array_agg(f.id ORDER BY f.day DESC, f.article_time DESC, f.id DESC))[1] AS latest_id,
           (array_agg(f.id ORDER BY f.lower_end ASC, f.day DESC, f.id DESC))[1] AS low_id,
           (array_agg(f.id ORDER BY f.upper_end DESC, f.day DESC, f.id DESC))[1] AS high_id,
           count(*) AS figures,
           count(DISTINCT f.article_id) AS articles,
           count(DISTINCT lower(f.source)) AS sources,
           string_agg(DISTINCT f.source, '; ') AS source_names,
           string_agg(f.id::text, ',' ORDER BY f.id) AS figure_ids
    FROM (
        SELECT d.id,
               d.place_id,
               d.article_id,
               CASE WHEN d.direction = 'at' AND d.origin_id IS NOT NULL AND d.origin_id <> d.place_id THEN 'to' ELSE d.direction END AS direction,
               date_trunc('week', COALESCE(d.as_of, (d.seen_at AT TIME ZONE 'UTC')::date))::date AS period_start,
               COALESCE(d.as_of, (d.seen_at AT TIME ZONE 'UTC')::date) AS day,
               COALESCE(d.low, d.people) AS lower_end,
               COALESCE(d.high, d.people) AS upper_end,
               COALESCE(a.published, a.ingested_at) AS article_time,
               article_source_name(a.source, a.url, a.id) AS source
        FROM displacement d
        JOIN articles a ON a.id = d.article_id
        WHERE d.place_id IS NOT NULL
          AND (area IS NULL OR d.geom && area)
    ) AS f
    GROUP BY f.place_id, f.direction, f.period_start
) AS g
JOIN places p ON p.id = g.place_id
JOIN displacement latest ON latest.id = g.latest_id
JOIN articles latest_article ON latest_article.id = latest.article_id
JOIN displacement low ON low.id = g.low_id
JOIN articles low_article ON low_article.id = low.article_id
JOIN displacement high ON high.id = g.high_id
JOIN articles high_article ON high_article.id = high.article_id
LEFT JOIN boundaries b ON b.id = p.id
LEFT JOIN LATERAL pcode_area_at(CASE WHEN p.pcode IS NULL THEN p.geom END) a ON true
$$;

CREATE VIEW "ogc_displacement-summary" AS
SELECT fid, geom, t_start, t_end, properties FROM displacement_summary(NULL);
