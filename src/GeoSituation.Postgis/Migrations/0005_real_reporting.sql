-- Issue 12, real reporting: figures keep the unit the text states (households and families are converted to
-- people with a household size, and marked), the movement (displaced, returned, deported), and the organisation the
-- text attributes the figure to. The same figure for the same place and period, repeated in one article or quoted by
-- several outlets, is one claim: claim_id names it, and the summary counts claims, never copies.

ALTER TABLE displacement
    ADD COLUMN unit text NOT NULL DEFAULT 'people' CHECK (unit IN ('people', 'households', 'families')),
    ADD COLUMN stated_count bigint,
    ADD COLUMN household_size real,
    ADD COLUMN movement text NOT NULL DEFAULT 'displaced' CHECK (movement IN ('displaced', 'returned', 'deported')),
    ADD COLUMN source_agency text;

-- Finding the other copies of a claim is one index probe per figure.
CREATE INDEX displacement_claim_idx ON displacement (place_id, people);

-- The claim a figure belongs to: the figures with the same place, direction, origin, movement and people count whose
-- days (as-of, else the day it was seen) lie within 7 days of this one. claim_id is the smallest figure id among them,
-- so it is stable while copies arrive; figures counts the copies, articles the distinct articles quoting it.
CREATE FUNCTION displacement_claim_of(figure_id bigint, figure_place bigint, figure_direction text, figure_origin bigint,
                                      figure_movement text, figure_people bigint, figure_as_of date, figure_seen_at timestamptz)
RETURNS TABLE (claim_id bigint, figures bigint, articles bigint)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT COALESCE(min(x.id), figure_id), greatest(count(*), 1), greatest(count(DISTINCT x.article_id), 1)
    FROM displacement x
    WHERE figure_place IS NOT NULL
      AND x.place_id = figure_place AND x.people = figure_people AND x.direction = figure_direction
      AND x.movement = figure_movement AND x.origin_id IS NOT DISTINCT FROM figure_origin
      AND abs(COALESCE(x.as_of, (x.seen_at AT TIME ZONE 'UTC')::date)
              - COALESCE(figure_as_of, (figure_seen_at AT TIME ZONE 'UTC')::date)) <= 7
$$;

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
           'origin_id', o.id,
           'unit', d.unit,
           'stated_count', d.stated_count,
           'household_size', d.household_size,
           'converted', d.unit <> 'people',
           'movement', d.movement,
           'source_agency', d.source_agency,
           'claim_id', c.claim_id,
           'claim_figures', c.figures,
           'claim_articles', c.articles)
        FROM (SELECT) AS one
        LEFT JOIN LATERAL pcode_area_at(CASE WHEN p.pcode IS NULL THEN d.geom END) g ON true
        LEFT JOIN LATERAL displacement_claim_of(d.id, d.place_id, d.direction, d.origin_id, d.movement, d.people, d.as_of, d.seen_at) c ON true) AS properties
FROM displacement d
LEFT JOIN places p ON p.id = d.place_id
LEFT JOIN places o ON o.id = d.origin_id
JOIN articles a ON a.id = d.article_id;


CREATE OR REPLACE FUNCTION displacement_summary(area geometry)
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
           'claims', g.claims,
           'agencies', g.agencies,
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
           count(DISTINCT (f.people, f.movement)) AS claims,
           string_agg(DISTINCT f.source_agency, '; ') AS agencies,
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
               d.people,
               d.movement,
               d.source_agency,
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

