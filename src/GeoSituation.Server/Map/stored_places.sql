-- Which of the search box's gazetteer hits the news has named: their mention and article counts.
-- $1 gazetteer ids (bigint[]).
SELECT id, mention_count, article_count
FROM places
WHERE id = ANY($1) AND mention_count > 0;
