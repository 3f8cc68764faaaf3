-- One view per OGC API Features collection, all with the same shape so one query template serves them:
--   fid (bigint, the keyset), geom (4326 or NULL), t_start/t_end (the feature's time, for `datetime`),
--   properties (json, in the order the API documents them).
-- geonameid is NULL for countries and hand-kept regions, whose gazetteer ids are negative.

CREATE VIEW ogc_places AS
SELECT p.id AS fid,
       p.geom,
       p.first_seen AS t_start,
       p.last_seen AS t_end,
       json_build_object(
           'name', p.name,
           'geonameid', CASE WHEN p.id > 0 THEN p.id END,
           'kind', p.kind,
           'country', p.country,
           'feature_code', p.feature_code,
           'admin1', p.admin1,
           'pcode', p.pcode,
           'population', p.population,
           'mentions', p.mention_count,
           'articles', p.article_count,
           'first_seen', p.first_seen,
           'last_seen', p.last_seen) AS properties
FROM places p
WHERE p.mention_count > 0;

CREATE VIEW ogc_mentions AS
SELECT m.id AS fid,
       m.geom,
       m.seen_at AS t_start,
       m.seen_at AS t_end,
       json_build_object(
           'surface', m.surface,
           'place', p.name,
           'geonameid', CASE WHEN p.id > 0 THEN p.id END,
           'place_id', p.id,
           'country', p.country,
           'start', m.start_offset,
           'end', m.end_offset,
           'sentence_start', m.sentence_start,
           'sentence_end', m.sentence_end,
           'confidence', m.confidence,
           'seen_at', m.seen_at,
           'article_id', a.id,
           'article_title', a.title,
           'article_url', a.url) AS properties
FROM mentions m
JOIN places p ON p.id = m.place_id
JOIN articles a ON a.id = m.article_id;

CREATE VIEW ogc_displacement AS
SELECT d.id AS fid,
       d.geom,
       COALESCE(d.as_of::timestamp AT TIME ZONE 'UTC', d.seen_at) AS t_start,
       COALESCE(d.as_of::timestamp AT TIME ZONE 'UTC', d.seen_at) AS t_end,
       json_build_object(
           'people', d.people,
           'low', d.low,
           'high', d.high,
           'qualifier', d.qualifier,
           'number_text', d.number_text,
           'direction', d.direction,
           'place', p.name,
           'geonameid', CASE WHEN p.id > 0 THEN p.id END,
           'place_id', p.id,
           'pcode', p.pcode,
           'country', p.country,
           'origin', o.name,
           'origin_geonameid', CASE WHEN o.id > 0 THEN o.id END,
           'as_of', d.as_of,
           'as_of_basis', d.as_of_basis,
           'article_id', a.id,
           'article_url', a.url,
           'article_title', a.title,
           'quote', d.quote,
           'confidence', d.confidence) AS properties
FROM displacement d
LEFT JOIN places p ON p.id = d.place_id
LEFT JOIN places o ON o.id = d.origin_id
JOIN articles a ON a.id = d.article_id;

CREATE VIEW ogc_events AS
SELECT e.id AS fid,
       e.geom,
       COALESCE(e.event_date::timestamp AT TIME ZONE 'UTC', e.seen_at) AS t_start,
       COALESCE(e.event_date::timestamp AT TIME ZONE 'UTC', e.seen_at) AS t_end,
       json_build_object(
           'event_type', e.event_type,
           'sub_type', e.sub_type,
           'date', e.event_date,
           'place', p.name,
           'geonameid', CASE WHEN p.id > 0 THEN p.id END,
           'place_id', p.id,
           'pcode', p.pcode,
           'country', p.country,
           'geo_precision', e.geo_precision,
           'time_precision', e.time_precision,
           'fatalities', e.fatalities,
           'article_id', a.id,
           'article_url', a.url,
           'article_title', a.title,
           'quote', e.quote,
           'confidence', e.confidence) AS properties
FROM events e
JOIN places p ON p.id = e.place_id
JOIN articles a ON a.id = e.article_id;

CREATE VIEW ogc_flows AS
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
           'article_id', f.article_id) AS properties
FROM flows f
JOIN places o ON o.id = f.origin_id
JOIN places d ON d.id = f.destination_id;

CREATE VIEW ogc_articles AS
SELECT a.id AS fid,
       NULL::geometry AS geom,
       COALESCE(a.published, a.ingested_at) AS t_start,
       COALESCE(a.published, a.ingested_at) AS t_end,
       json_build_object(
           'title', a.title,
           'url', a.url,
           'source', a.source,
           'published', a.published,
           'ingested_at', a.ingested_at,
           'content_hash', a.content_hash,
           'mentions', a.mention_count,
           'displacement', a.displacement_count,
           'events', a.event_count) AS properties
FROM articles a;

CREATE INDEX mentions_seen_at_idx ON mentions (seen_at);
CREATE INDEX articles_published_idx ON articles (COALESCE(published, ingested_at));
