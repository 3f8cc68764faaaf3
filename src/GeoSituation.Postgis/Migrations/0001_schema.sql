-- GeoSituation schema: articles and what the pipeline found in them, plus the basemap.
-- Every feature table keeps its own copy of the place geometry (places never move), so bbox and tile
-- queries read one indexed table instead of joining millions of rows.

CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE articles (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    content_hash       text        NOT NULL UNIQUE,
    title              text        NOT NULL,
    text               text        NOT NULL,
    url                text,
    source             text,
    published          timestamptz,
    ingested_at        timestamptz NOT NULL DEFAULT now(),
    mention_count      integer     NOT NULL DEFAULT 0,
    displacement_count integer     NOT NULL DEFAULT 0,
    event_count        integer     NOT NULL DEFAULT 0
);

-- Resolved gazetteer places; id is the gazetteer id (GeoNames id, negative for countries and hand-kept regions).
-- The counters are kept up to date by the ingest transaction so the places layer needs no aggregation.
CREATE TABLE places (
    id            bigint PRIMARY KEY,
    name          text    NOT NULL,
    kind          text    NOT NULL,
    country       text    NOT NULL DEFAULT '',
    feature_code  text    NOT NULL DEFAULT '',
    admin1        text    NOT NULL DEFAULT '',
    admin2        text    NOT NULL DEFAULT '',
    population    bigint  NOT NULL DEFAULT 0,
    pcode         text,
    iso3166_2     text,
    geom          geometry(Point, 4326) NOT NULL,
    mention_count integer NOT NULL DEFAULT 0,
    article_count integer NOT NULL DEFAULT 0,
    first_seen    timestamptz,
    last_seen     timestamptz
);
CREATE INDEX places_geom_idx ON places USING gist (geom);

CREATE TABLE mentions (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id     bigint  NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    place_id       bigint  NOT NULL REFERENCES places (id),
    start_offset   integer NOT NULL,
    end_offset     integer NOT NULL,
    surface        text    NOT NULL,
    sentence_start integer,
    sentence_end   integer,
    confidence     real    NOT NULL,
    -- The article's published time, or its ingest time when it has none: when the place was in the news.
    seen_at        timestamptz NOT NULL,
    geom           geometry(Point, 4326) NOT NULL
);
CREATE INDEX mentions_article_idx ON mentions (article_id);
CREATE INDEX mentions_place_idx ON mentions (place_id);
CREATE INDEX mentions_geom_idx ON mentions USING gist (geom);

CREATE TABLE displacement (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id     bigint  NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    place_id       bigint  REFERENCES places (id),
    origin_id      bigint  REFERENCES places (id),
    people         bigint  NOT NULL,
    low            bigint,
    high           bigint,
    qualifier      text,
    number_text    text    NOT NULL,
    direction      text    NOT NULL CHECK (direction IN ('at', 'from')),
    as_of          date,
    as_of_basis    text    NOT NULL CHECK (as_of_basis IN ('text', 'published', 'unknown')),
    start_offset   integer NOT NULL,
    end_offset     integer NOT NULL,
    sentence_start integer NOT NULL,
    sentence_end   integer NOT NULL,
    quote          text    NOT NULL,
    confidence     real    NOT NULL,
    seen_at        timestamptz NOT NULL,
    geom           geometry(Point, 4326)
);
CREATE INDEX displacement_article_idx ON displacement (article_id);
CREATE INDEX displacement_geom_idx ON displacement USING gist (geom);

CREATE TABLE events (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id     bigint   NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    place_id       bigint   NOT NULL REFERENCES places (id),
    event_type     text     NOT NULL,
    sub_type       text,
    event_date     date,
    geo_precision  smallint NOT NULL,
    time_precision smallint NOT NULL,
    fatalities     integer,
    sentence_start integer  NOT NULL,
    sentence_end   integer  NOT NULL,
    quote          text     NOT NULL,
    confidence     real     NOT NULL,
    seen_at        timestamptz NOT NULL,
    geom           geometry(Point, 4326) NOT NULL
);
CREATE INDEX events_article_idx ON events (article_id);
CREATE INDEX events_geom_idx ON events USING gist (geom);

-- A displacement figure that names both where people fled from and where they are: a line origin -> destination.
CREATE TABLE flows (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id      bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    displacement_id bigint NOT NULL REFERENCES displacement (id) ON DELETE CASCADE,
    origin_id       bigint NOT NULL REFERENCES places (id),
    destination_id  bigint NOT NULL REFERENCES places (id),
    people          bigint NOT NULL,
    as_of           date,
    seen_at         timestamptz NOT NULL,
    geom            geometry(LineString, 4326) NOT NULL
);
CREATE INDEX flows_article_idx ON flows (article_id);
CREATE INDEX flows_geom_idx ON flows USING gist (geom);

-- Basemap, loaded from the gazetteer at first start. Web Mercator copies are made once at load time
-- (clipped to Mercator's latitude range), with a simplified copy for low zooms.
CREATE TABLE boundaries (
    id            bigint  PRIMARY KEY,
    name          text    NOT NULL,
    kind          text    NOT NULL CHECK (kind IN ('country', 'region', 'admin')),
    country       text    NOT NULL DEFAULT '',
    pcode         text,
    iso3166_2     text,
    approximate   boolean NOT NULL DEFAULT false,
    geom          geometry(MultiPolygon, 4326) NOT NULL,
    geom_3857     geometry(MultiPolygon, 3857),
    geom_3857_low geometry(MultiPolygon, 3857)
);
CREATE INDEX boundaries_geom_3857_idx ON boundaries USING gist (geom_3857);
CREATE INDEX boundaries_geom_idx ON boundaries USING gist (geom);

CREATE TABLE populated_places (
    id           bigint PRIMARY KEY,
    name         text   NOT NULL,
    country      text   NOT NULL DEFAULT '',
    feature_code text   NOT NULL DEFAULT '',
    population   bigint NOT NULL DEFAULT 0,
    geom         geometry(Point, 4326) NOT NULL,
    geom_3857    geometry(Point, 3857)
);
CREATE INDEX populated_places_geom_3857_idx ON populated_places USING gist (geom_3857);
CREATE INDEX populated_places_population_idx ON populated_places (population DESC);
