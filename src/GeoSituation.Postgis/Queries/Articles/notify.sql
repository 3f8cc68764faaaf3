-- One notification per stored article (payload: its id), delivered at commit. $1 article ids
SELECT pg_notify('geosituation_articles', id::text) FROM unnest($1::bigint[]) AS id;
