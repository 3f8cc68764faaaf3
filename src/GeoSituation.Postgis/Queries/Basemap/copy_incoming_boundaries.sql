COPY boundaries_incoming (id, name, kind, country, pcode, iso3166_2, approximate, geom) FROM STDIN (FORMAT BINARY)
