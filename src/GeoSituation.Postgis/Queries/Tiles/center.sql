-- Where the news is: the most mentioned town or district (countries and regions are too coarse to centre on).
SELECT ST_X(geom), ST_Y(geom)
FROM places
WHERE kind IN ('city', 'admin') AND mention_count > 0
ORDER BY mention_count DESC, id
LIMIT 1;
