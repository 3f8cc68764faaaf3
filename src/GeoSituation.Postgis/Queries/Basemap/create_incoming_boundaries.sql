CREATE TEMP TABLE boundaries_incoming (
    id          bigint  PRIMARY KEY,
    name        text    NOT NULL,
    kind        text    NOT NULL,
    country     text    NOT NULL,
    pcode       text,
    iso3166_2   text,
    approximate boolean NOT NULL,
    geom        geometry(MultiPolygon, 4326) NOT NULL
) ON COMMIT DROP
