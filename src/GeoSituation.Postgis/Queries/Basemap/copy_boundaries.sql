COPY boundaries (id, name, kind, country, pcode, iso3166_2, approximate, geom) FROM STDIN (FORMAT BINARY)
