-- Adds the stored articles' places, or bumps their counters. Input is sorted by id so concurrent ingests lock
-- place rows in the same order and cannot deadlock; run last before commit, so the row locks are held briefly. Counters and times are summed over the articles of one call:
-- first/last seen are the earliest/latest time an article of the call mentions the place (NULL when none does).
-- $1 ids, $2 names, $3 kinds, $4 countries, $5 feature codes, $6 admin1, $7 admin2, $8 populations, $9 pcodes,
-- $10 ISO 3166-2 codes, $11 longitudes, $12 latitudes, $13 mention counts, $14 article counts (articles mentioning it),
-- $15 first seen, $16 last seen
INSERT INTO places AS p (id, name, kind, country, feature_code, admin1, admin2, population, pcode, iso3166_2, geom,
                         mention_count, article_count, first_seen, last_seen)
SELECT u.id, u.name, u.kind, u.country, u.feature_code, u.admin1, u.admin2, u.population, u.pcode, u.iso3166_2,
       ST_SetSRID(ST_MakePoint(u.lon, u.lat), 4326),
       u.mentions, u.articles, u.first_seen, u.last_seen
FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[],
            $9::text[], $10::text[], $11::float8[], $12::float8[], $13::int[], $14::int[], $15::timestamptz[], $16::timestamptz[])
     AS u(id, name, kind, country, feature_code, admin1, admin2, population, pcode, iso3166_2, lon, lat, mentions, articles,
          first_seen, last_seen)
ORDER BY u.id
ON CONFLICT (id) DO UPDATE SET
    name = EXCLUDED.name,
    kind = EXCLUDED.kind,
    country = EXCLUDED.country,
    feature_code = EXCLUDED.feature_code,
    admin1 = EXCLUDED.admin1,
    admin2 = EXCLUDED.admin2,
    population = EXCLUDED.population,
    pcode = EXCLUDED.pcode,
    iso3166_2 = EXCLUDED.iso3166_2,
    mention_count = p.mention_count + EXCLUDED.mention_count,
    article_count = p.article_count + EXCLUDED.article_count,
    first_seen = LEAST(p.first_seen, EXCLUDED.first_seen),
    last_seen = GREATEST(p.last_seen, EXCLUDED.last_seen);
