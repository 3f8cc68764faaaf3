-- The gazetteer's region and admin-area outlines as they are now (geodata/humanitarian/, the user's imports, real
-- governorate outlines replacing the Voronoi ones) against the basemap loaded at an earlier start: changed and new
-- outlines are written (area_km2 follows, it is generated), outlines the gazetteer no longer has are dropped.
-- Countries come from the committed Natural Earth files and are left alone. Changed rows lose their Web Mercator
-- copies, which project_missing.sql remakes. Returns (written, dropped).
WITH written AS (
    INSERT INTO boundaries AS b (id, name, kind, country, pcode, iso3166_2, approximate, geom)
    SELECT id, name, kind, country, pcode, iso3166_2, approximate, geom FROM boundaries_incoming
    ON CONFLICT (id) DO UPDATE
    SET name = excluded.name, kind = excluded.kind, country = excluded.country, pcode = excluded.pcode,
        iso3166_2 = excluded.iso3166_2, approximate = excluded.approximate, geom = excluded.geom,
        geom_3857 = NULL, geom_3857_low = NULL
    WHERE (b.name, b.kind, b.country, b.pcode, b.iso3166_2, b.approximate)
              IS DISTINCT FROM (excluded.name, excluded.kind, excluded.country, excluded.pcode, excluded.iso3166_2, excluded.approximate)
       OR ST_AsBinary(b.geom) IS DISTINCT FROM ST_AsBinary(excluded.geom)
    RETURNING b.id
), dropped AS (
    DELETE FROM boundaries b
    WHERE b.kind <> 'country'
      AND NOT EXISTS (SELECT 1 FROM boundaries_incoming i WHERE i.id = b.id)
    RETURNING b.id
)
SELECT (SELECT count(*) FROM written)::integer, (SELECT count(*) FROM dropped)::integer
