-- Raster basemap: land (country polygons), region and governorate outlines, in tile pixels (x16) with a
-- 40 px margin so clipped polygon edges fall outside the image. $1 z, $2 x, $3 y.
-- Below zoom 6 the simplified outlines are drawn, as in the vector basemap.
WITH bounds AS (
    SELECT ST_TileEnvelope($1, $2, $3) AS env
)
SELECT ST_AsBinary(ST_AsMVTGeom(CASE WHEN $1 < 6 THEN COALESCE(b.geom_3857_low, b.geom_3857) ELSE b.geom_3857 END, bounds.env, 4096, 640, true)) AS geom,
       json_build_object('layer', CASE b.kind WHEN 'country' THEN 'countries' WHEN 'region' THEN 'regions' ELSE 'governorates' END,
                         'name', b.name, 'country', b.country, 'approximate', b.approximate)::text AS properties
FROM boundaries b, bounds
WHERE b.geom_3857 && bounds.env
ORDER BY b.kind = 'country' DESC, b.id;
