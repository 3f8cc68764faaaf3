COPY populated_places (id, name, country, feature_code, population, geom) FROM STDIN (FORMAT BINARY)
