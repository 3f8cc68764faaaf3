-- Web Mercator copies of the boundaries written by sync_boundaries.sql (same projection as project.sql).
UPDATE boundaries
SET geom_3857 = ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Transform(
        ST_ClipByBox2D(geom, ST_MakeEnvelope(-180, -85.05, 180, 85.05, 4326)), 3857)), 3))
WHERE geom_3857 IS NULL;

UPDATE boundaries
SET geom_3857_low = ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SimplifyPreserveTopology(geom_3857, 1500)), 3))
WHERE geom_3857_low IS NULL;
