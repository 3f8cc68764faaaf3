using System.Diagnostics;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace GeoSituation.ServingBench;

/// <summary>
/// `generate --data DIR --mentions 1000000 --articles 10000 --seed 42`: loads a reproducible synthetic news
/// history straight into PostGIS with binary COPY (one transaction): articles, mentions of real GeoNames places
/// (from the basemap's populated_places, skewed towards the Middle East like our news), one displacement
/// figure and one event per article, a flow for every tenth, and the places' counters as ingest keeps them.
/// </summary>
/// <remarks>Same seed and sizes, same rows. Runs once per database: a second run with the same seed does nothing.</remarks>
internal static class Generator
{
    private static readonly string[] EventTypes =
        ["battles", "explosions_remote_violence", "violence_against_civilians", "protests", "strategic_developments", "humanitarian_access"];

    private sealed record Place(long Id, string Name, string Country, string FeatureCode, long Population, Point Geom);

    public static async Task<int> RunAsync(Options options)
    {
        var mentionCount = options.Int("mentions", 1_000_000);
        var articleCount = options.Int("articles", 10_000);
        var seed = options.Int("seed", 42);
        var perArticle = Math.Max(1, mentionCount / articleCount);
        await using var dataSource = options.DataSource();
        await using var connection = await dataSource.OpenConnectionAsync();
        var prefix = $"bench:{seed}:";

        await using (var existing = new NpgsqlCommand("SELECT count(*) FROM articles WHERE content_hash LIKE $1", connection))
        {
            existing.Parameters.Add(new NpgsqlParameter<string> { TypedValue = prefix + "%" });
            if ((long)(await existing.ExecuteScalarAsync())! > 0)
            {
                Console.WriteLine($"generate: seed {seed} already loaded, nothing to do");
                return 0;
            }
        }
        var clock = Stopwatch.StartNew();
        var random = new Random(seed);
        var places = await PickPlacesAsync(connection, random);
        if (places.Count == 0) throw new InvalidOperationException("populated_places is empty: start the server once so it loads the basemap.");

        await using var transaction = await connection.BeginTransactionAsync();
        await InsertPlacesAsync(connection, places);

        var start = new DateTime(2023, 10, 7, 0, 0, 0, DateTimeKind.Utc);
        var published = new DateTime[articleCount];
        var articlePlaces = new int[articleCount][];
        for (var i = 0; i < articleCount; i++)
        {
            published[i] = start.AddMinutes(i * (800.0 * 24 * 60 / articleCount) + random.Next(0, 60));
            // Cubed uniform: a few places take most mentions, as in the news (Gaza, Rafah, ...).
            articlePlaces[i] = Enumerable.Range(0, perArticle).Select(_ => (int)(places.Count * Math.Pow(random.NextDouble(), 3))).ToArray();
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY articles (content_hash, title, text, source, published, mention_count, displacement_count, event_count) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < articleCount; i++)
            {
                var first = places[articlePlaces[i][0]];
                await writer.StartRowAsync();
                await writer.WriteAsync(prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Text);
                await writer.WriteAsync($"Situation report {i}: {first.Name}", NpgsqlDbType.Text);
                await writer.WriteAsync($"Generated benchmark article {i} naming {string.Join(", ", articlePlaces[i].Take(5).Select(p => places[p].Name))}.", NpgsqlDbType.Text);
                await writer.WriteAsync("bench", NpgsqlDbType.Text);
                await writer.WriteAsync(published[i], NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(perArticle, NpgsqlDbType.Integer);
                await writer.WriteAsync(1, NpgsqlDbType.Integer);
                await writer.WriteAsync(1, NpgsqlDbType.Integer);
            }
            await writer.CompleteAsync();
        }
        var articleIds = new long[articleCount];
        await using (var ids = new NpgsqlCommand("SELECT id, substr(content_hash, length($1) + 1)::int FROM articles WHERE content_hash LIKE $1 || '%'", connection, transaction))
        {
            ids.Parameters.Add(new NpgsqlParameter<string> { TypedValue = prefix });
            await using var reader = await ids.ExecuteReaderAsync();
            while (await reader.ReadAsync()) articleIds[reader.GetInt32(1)] = reader.GetInt64(0);
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY mentions (article_id, place_id, start_offset, end_offset, surface, sentence_start, sentence_end, confidence, seen_at, geom) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < articleCount; i++)
            {
                for (var k = 0; k < articlePlaces[i].Length; k++)
                {
                    var place = places[articlePlaces[i][k]];
                    await writer.StartRowAsync();
                    await writer.WriteAsync(articleIds[i], NpgsqlDbType.Bigint);
                    await writer.WriteAsync(place.Id, NpgsqlDbType.Bigint);
                    await writer.WriteAsync(k * 40, NpgsqlDbType.Integer);
                    await writer.WriteAsync(k * 40 + place.Name.Length, NpgsqlDbType.Integer);
                    await writer.WriteAsync(place.Name, NpgsqlDbType.Text);
                    await writer.WriteAsync(k * 40, NpgsqlDbType.Integer);
                    await writer.WriteAsync(k * 40 + 39, NpgsqlDbType.Integer);
                    await writer.WriteAsync((float)(0.5 + random.NextDouble() / 2), NpgsqlDbType.Real);
                    await writer.WriteAsync(published[i], NpgsqlDbType.TimestampTz);
                    await writer.WriteAsync(place.Geom, NpgsqlDbType.Geometry);
                }
            }
            await writer.CompleteAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY displacement (article_id, place_id, people, qualifier, number_text, direction, as_of, as_of_basis, start_offset, end_offset, sentence_start, sentence_end, quote, confidence, seen_at, geom) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < articleCount; i++)
            {
                var place = places[articlePlaces[i][0]];
                var people = (long)Math.Round(Math.Pow(10, 2 + random.NextDouble() * 4));
                await writer.StartRowAsync();
                await writer.WriteAsync(articleIds[i], NpgsqlDbType.Bigint);
                await writer.WriteAsync(place.Id, NpgsqlDbType.Bigint);
                await writer.WriteAsync(people, NpgsqlDbType.Bigint);
                await writer.WriteAsync("about", NpgsqlDbType.Text);
                await writer.WriteAsync(people.ToString(System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Text);
                await writer.WriteAsync("at", NpgsqlDbType.Text);
                await writer.WriteAsync(DateOnly.FromDateTime(published[i]), NpgsqlDbType.Date);
                await writer.WriteAsync("published", NpgsqlDbType.Text);
                await writer.WriteAsync(0, NpgsqlDbType.Integer);
                await writer.WriteAsync(10, NpgsqlDbType.Integer);
                await writer.WriteAsync(0, NpgsqlDbType.Integer);
                await writer.WriteAsync(39, NpgsqlDbType.Integer);
                await writer.WriteAsync($"about {people} people displaced in {place.Name}", NpgsqlDbType.Text);
                await writer.WriteAsync(0.8f, NpgsqlDbType.Real);
                await writer.WriteAsync(published[i], NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(place.Geom, NpgsqlDbType.Geometry);
            }
            await writer.CompleteAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY events (article_id, place_id, event_type, event_date, geo_precision, time_precision, fatalities, sentence_start, sentence_end, quote, confidence, seen_at, geom) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < articleCount; i++)
            {
                var place = places[articlePlaces[i][Math.Min(1, articlePlaces[i].Length - 1)]];
                await writer.StartRowAsync();
                await writer.WriteAsync(articleIds[i], NpgsqlDbType.Bigint);
                await writer.WriteAsync(place.Id, NpgsqlDbType.Bigint);
                await writer.WriteAsync(EventTypes[random.Next(EventTypes.Length)], NpgsqlDbType.Text);
                await writer.WriteAsync(DateOnly.FromDateTime(published[i]), NpgsqlDbType.Date);
                await writer.WriteAsync((short)1, NpgsqlDbType.Smallint);
                await writer.WriteAsync((short)1, NpgsqlDbType.Smallint);
                await writer.WriteAsync(random.Next(0, 30), NpgsqlDbType.Integer);
                await writer.WriteAsync(0, NpgsqlDbType.Integer);
                await writer.WriteAsync(39, NpgsqlDbType.Integer);
                await writer.WriteAsync($"Event in {place.Name}", NpgsqlDbType.Text);
                await writer.WriteAsync(0.7f, NpgsqlDbType.Real);
                await writer.WriteAsync(published[i], NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(place.Geom, NpgsqlDbType.Geometry);
            }
            await writer.CompleteAsync();
        }

        // Fresh statistics before the statements that join the new rows.
        await using (var analyze = new NpgsqlCommand("ANALYZE articles, mentions, displacement", connection, transaction)) await analyze.ExecuteNonQueryAsync();

        // A flow for every tenth article: from its first place to another of its places.
        await using (var flows = new NpgsqlCommand(
            """
            INSERT INTO flows (article_id, displacement_id, origin_id, destination_id, people, as_of, seen_at, geom)
            SELECT d.article_id, d.id, d.place_id, dest.place_id, d.people, d.as_of, d.seen_at, ST_MakeLine(d.geom, dest.geom)
            FROM displacement d
            JOIN articles a ON a.id = d.article_id AND a.content_hash LIKE $1 || '%' AND a.id % 10 = 0
            CROSS JOIN LATERAL (SELECT m.place_id, m.geom FROM mentions m WHERE m.article_id = d.article_id AND m.place_id <> d.place_id ORDER BY m.id LIMIT 1) dest
            """, connection, transaction))
        {
            flows.Parameters.Add(new NpgsqlParameter<string> { TypedValue = prefix });
            await flows.ExecuteNonQueryAsync();
        }

        // The counters the ingest transaction keeps (the places layer reads them instead of aggregating).
        await using (var counters = new NpgsqlCommand(
            """
            UPDATE places p SET mention_count = s.mentions, article_count = s.articles, first_seen = s.first_seen, last_seen = s.last_seen
            FROM (SELECT place_id, count(*) AS mentions, count(DISTINCT article_id) AS articles, min(seen_at) AS first_seen, max(seen_at) AS last_seen
                  FROM mentions GROUP BY place_id) s
            WHERE p.id = s.place_id
            """, connection, transaction))
        {
            counters.CommandTimeout = 600;
            await counters.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        await using (var analyze = new NpgsqlCommand("ANALYZE", connection)) { analyze.CommandTimeout = 600; await analyze.ExecuteNonQueryAsync(); }
        Console.WriteLine($"generate: {articleCount} articles, {articleCount * perArticle} mentions at {places.Count} places (seed {seed}) in {clock.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    /// <summary>5000 GeoNames places: the first 1000 in the Middle East (most mentioned), the rest worldwide.</summary>
    private static async Task<List<Place>> PickPlacesAsync(NpgsqlConnection connection, Random random)
    {
        var all = new List<Place>();
        await using (var command = new NpgsqlCommand("SELECT id, name, country, feature_code, population, geom FROM populated_places ORDER BY id", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                all.Add(new Place(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4), reader.GetFieldValue<Point>(5)));
            }
        }
        bool MiddleEast(Place p) => p.Geom.X is > 29 and < 48 && p.Geom.Y is > 13 and < 38;
        var near = all.Where(MiddleEast).OrderBy(_ => random.Next()).Take(1000);
        var far = all.Where(p => !MiddleEast(p)).OrderBy(_ => random.Next()).Take(4000);
        return [.. near, .. far];
    }

    private static async Task InsertPlacesAsync(NpgsqlConnection connection, List<Place> places)
    {
        var existing = new HashSet<long>();
        await using (var command = new NpgsqlCommand("SELECT id FROM places", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) existing.Add(reader.GetInt64(0));
        }
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY places (id, name, kind, country, feature_code, population, geom) FROM STDIN (FORMAT BINARY)");
        foreach (var place in places.Where(p => !existing.Contains(p.Id)))
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(place.Id, NpgsqlDbType.Bigint);
            await writer.WriteAsync(place.Name, NpgsqlDbType.Text);
            await writer.WriteAsync("city", NpgsqlDbType.Text);
            await writer.WriteAsync(place.Country, NpgsqlDbType.Text);
            await writer.WriteAsync(place.FeatureCode, NpgsqlDbType.Text);
            await writer.WriteAsync(place.Population, NpgsqlDbType.Bigint);
            await writer.WriteAsync(place.Geom, NpgsqlDbType.Geometry);
        }
        await writer.CompleteAsync();
    }
}
