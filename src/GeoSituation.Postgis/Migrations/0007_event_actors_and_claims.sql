-- Issue 18, events that hold up on real reporting: the two sides of an event (ACLED's actor1/actor2 with their inter
-- codes), and one event reported by several outlets counted as one claim with all its sources, as 0005 does for
-- displacement figures. docs/events-serving.md says how these columns map onto ACLED's export.

ALTER TABLE events
    ADD COLUMN actor1 text,
    ADD COLUMN actor2 text,
    ADD COLUMN inter1 smallint CHECK (inter1 BETWEEN 1 AND 8),
    ADD COLUMN inter2 smallint CHECK (inter2 BETWEEN 1 AND 8),
    -- ACLED's interaction code: both inter codes, lower first (17: state forces and civilians); an actor alone is its
    -- code times 10 (60: protesters on their own). Generated, so it can never disagree with the inter codes.
    ADD COLUMN interaction smallint GENERATED ALWAYS AS (
        CASE WHEN inter1 IS NOT NULL AND inter2 IS NOT NULL THEN least(inter1, inter2) * 10 + greatest(inter1, inter2)
             ELSE COALESCE(inter1, inter2) * 10 END) STORED,
    ADD CONSTRAINT events_actor1_typed CHECK ((actor1 IS NULL) = (inter1 IS NULL)),
    ADD CONSTRAINT events_actor2_typed CHECK ((actor2 IS NULL) = (inter2 IS NULL));

-- The day an event counts on: its date, else the day its article was seen.
CREATE FUNCTION event_day(event_date date, seen_at timestamptz)
RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT COALESCE(event_date, (seen_at AT TIME ZONE 'UTC')::date)
$$;

-- Finding the other reports of an event is one index probe.
CREATE INDEX events_claim_idx ON events (place_id, event_type, event_day(event_date, seen_at));

-- The claim an event belongs to (ACLED: one event per actor pair, location and day): the events of the same type at
-- the same place on the same day whose actors agree where both reports name them ("RSF shelled El Fasher" and
-- "shelling hit El Fasher" are one event; "RSF" and "SAF" as actor1 are two). claim_id is the smallest event id among
-- them, so it is stable while reports arrive; articles counts the distinct articles, sources names their publishers.
CREATE FUNCTION event_claim_of(event_id bigint, event_place bigint, event_kind text, event_on date, event_actor1 text, event_actor2 text)
RETURNS TABLE (claim_id bigint, articles bigint, sources text)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT COALESCE(min(x.id), event_id),
           greatest(count(DISTINCT x.article_id), 1),
           string_agg(DISTINCT article_source_name(a.source, a.url, a.id), '; ' ORDER BY article_source_name(a.source, a.url, a.id))
    FROM events x
    JOIN articles a ON a.id = x.article_id
    WHERE x.place_id = event_place AND x.event_type = event_kind
      AND event_day(x.event_date, x.seen_at) = event_on
      AND (x.actor1 IS NULL OR event_actor1 IS NULL OR x.actor1 = event_actor1)
      AND (x.actor2 IS NULL OR event_actor2 IS NULL OR x.actor2 = event_actor2)
$$;

-- The claim look-up sits inside the properties' subquery (as in 0005) so that numberMatched and keyset paging, which do
-- not read properties, do not pay for it. New properties come after the old ones: CSV columns keep their order.
CREATE OR REPLACE VIEW ogc_events AS
SELECT e.id AS fid,
       e.geom,
       COALESCE(e.event_date::timestamp AT TIME ZONE 'UTC', e.seen_at) AS t_start,
       COALESCE(e.event_date::timestamp AT TIME ZONE 'UTC', e.seen_at) AS t_end,
       (SELECT json_build_object(
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
           'confidence', e.confidence,
           'actor1', e.actor1,
           'inter1', e.inter1,
           'actor2', e.actor2,
           'inter2', e.inter2,
           'interaction', e.interaction,
           'admin1', NULLIF(p.admin1, ''),
           'admin2', NULLIF(p.admin2, ''),
           'source', article_source_name(a.source, a.url, a.id),
           'seen_at', e.seen_at,
           'ingested_at', a.ingested_at,
           'claim_id', c.claim_id,
           'claim_articles', c.articles,
           'claim_sources', c.sources)
        FROM (SELECT) AS one
        LEFT JOIN LATERAL event_claim_of(e.id, e.place_id, e.event_type, event_day(e.event_date, e.seen_at), e.actor1, e.actor2) c ON true) AS properties
FROM events e
LEFT JOIN places p ON p.id = e.place_id
LEFT JOIN articles a ON a.id = e.article_id;
