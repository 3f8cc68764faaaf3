-- Places the articles' rows refer to that are not stored yet, with no counters (upsert_places.sql, at the end of the
-- transaction, adds those): existing rows are left alone and unlocked, so concurrent ingests do not wait on each
-- other here. $1 ids, $2 names, $3 kinds, $4 countries, $5 feature codes, $6 admin1, $7 admin2, $8 populations,
-- $9 pcodes, $10 ISO 3166-2 codes, $11 longitudes, $12 latitudes
INSERT INTO places (id, name, kind, country, feature_code, admin1, admin2, population, pcode, iso3166_2, geom)
SELECT u.id, u.name, u.kind, u.country, u.feature_code, u.admin1, u.admin2, u.population, u.pcode, u.iso3166_2,
       ST_SetSRID(ST_MakePoint(u.lon, u.lat), 4326)
FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[],
            $9::text[], $10::text[], $11::float8[], $12::float8[])
     AS u(id, name, kind, country, feature_code, admin1, admin2, population, pcode, iso3166_2, lon, lat)
WHERE NOT EXISTS (SELECT 1 FROM places p WHERE p.id = u.id)
ORDER BY u.id
ON CONFLICT (id) DO NOTHING;
