SELECT pg_notify('geosituation_articles', $1);
