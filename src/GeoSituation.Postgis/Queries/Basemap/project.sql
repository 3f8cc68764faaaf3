-- Web Mercator copies for tiles, made once. Mercator cannot show the poles: clip to its latitude range first.
-- The low-zoom copy is simplified to ~1.5 km, far below a pixel at zoom 5.
UPDATE boundaries
SET geom_3857 = ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Transform(
        ST_ClipByBox2D(geom, ST_MakeEnvelope(-180, -85.05, 180, 85.05, 4326)), 3857)), 3));

UPDATE boundaries
SET geom_3857_low = ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SimplifyPreserveTopology(geom_3857, 1500)), 3));

UPDATE populated_places
SET geom_3857 = ST_Transform(geom, 3857)
WHERE abs(ST_Y(geom)) < 85.05;
