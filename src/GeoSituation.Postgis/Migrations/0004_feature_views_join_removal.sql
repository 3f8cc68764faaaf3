-- numberMatched is count(*) over the collection's view. Inner joins must be executed even when no column of the
-- joined table is read, so counting the mentions view joined 1,000,000 mentions to places and articles (~0.9 s on
-- 3 processes). mentions.place_id/article_id and events.place_id/article_id are NOT NULL foreign keys, so a LEFT
-- JOIN on the referenced primary key returns exactly the same rows, and PostgreSQL removes a LEFT JOIN to a unique
-- key whose columns the query does not read: count(*) and keyset paging scan one table (~0.1 s).
CREATE OR REPLACE VIEW ogc_mentions AS
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
LEFT JOIN places p ON p.id = m.place_id
LEFT JOIN articles a ON a.id = m.article_id;

CREATE OR REPLACE VIEW ogc_events AS
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
LEFT JOIN places p ON p.id = e.place_id
LEFT JOIN articles a ON a.id = e.article_id;
