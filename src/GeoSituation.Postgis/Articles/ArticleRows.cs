using GeoSituation.Core.Articles;
using GeoSituation.Core.Displacement;
using GeoSituation.Core.Events;
using GeoSituation.Core.Gazetteer;
using GeoSituation.Core.Text;
using GeoSituation.Postgis.Database;
using Npgsql;

namespace GeoSituation.Postgis.Articles;

/// <summary>
/// The statements that store what was found in newly inserted articles: one statement per table for all the
/// articles of a transaction (rows passed as arrays), so a batch of 500 costs the same round trips as one article.
/// </summary>
internal static class ArticleRows
{
    public static NpgsqlBatchCommand InsertArticles(IReadOnlyList<ArticleAnalysis> analyses)
    {
        var command = SqlScripts.Get("Queries/Articles/insert_articles.sql").BatchCommand();
        Add(command, analyses.Select(a => a.ContentHash).ToArray());
        Add(command, analyses.Select(a => Clean(a.Article.Title)).ToArray());
        Add(command, analyses.Select(a => Clean(a.Article.Text)).ToArray());
        Add(command, analyses.Select(a => CleanOrNull(a.Article.Url)).ToArray());
        Add(command, analyses.Select(a => CleanOrNull(a.Article.Source)).ToArray());
        Add(command, analyses.Select(a => a.Article.Published?.UtcDateTime).ToArray());
        Add(command, analyses.Select(a => a.Toponyms.Count).ToArray());
        Add(command, analyses.Select(a => a.Displacement.Count).ToArray());
        Add(command, analyses.Select(a => a.Events.Count).ToArray());
        return command;
    }

    /// <summary>Everything stored with the articles, then one notification per article, in one round trip.</summary>
    /// <remarks>
    /// Place counters are bumped last: their row locks, which every ingest needs on the same popular places, are then
    /// held only until the commit right after, and two batches can store their rows at the same time.
    /// </remarks>
    public static NpgsqlBatch Contents(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<StoredAnalysis> stored)
    {
        var batch = new NpgsqlBatch(connection, transaction);
        var places = PlaceTallies(stored);
        batch.BatchCommands.Add(NewPlaces(places));
        if (stored.Any(s => s.Analysis.Toponyms.Count > 0)) batch.BatchCommands.Add(Mentions(stored));
        if (stored.Any(s => s.Analysis.Displacement.Count > 0)) batch.BatchCommands.Add(Displacement(stored));
        if (stored.Any(s => s.Analysis.Events.Count > 0)) batch.BatchCommands.Add(Events(stored));
        batch.BatchCommands.Add(PlaceCounters(places));
        // Delivered at commit to every listening process (a server whose tile cache must drop what changed).
        var notify = SqlScripts.Get("Queries/Articles/notify.sql").BatchCommand();
        Add(notify, stored.Select(s => s.ArticleId).ToArray());
        batch.BatchCommands.Add(notify);
        return batch;
    }

    /// <summary>Every gazetteer entry one analysis refers to, once each.</summary>
    public static IEnumerable<GazetteerEntry> ReferencedPlaces(ArticleAnalysis analysis)
    {
        foreach (var toponym in analysis.Toponyms) yield return toponym.Place;
        foreach (var figure in analysis.Displacement)
        {
            if (figure.Place is { } place) yield return place;
            if (figure.Origin is { } origin) yield return origin;
        }
        foreach (var situationEvent in analysis.Events) yield return situationEvent.Place;
    }

    /// <summary>A place's counters summed over the articles of one transaction.</summary>
    private sealed class PlaceTally(GazetteerEntry place)
    {
        public GazetteerEntry Place { get; } = place;
        public int Mentions;
        public int Articles;
        public DateTime? FirstSeen;
        public DateTime? LastSeen;
    }

    /// <summary>The places the articles refer to, sorted by id (the lock order every ingest follows), with their counters.</summary>
    private static List<PlaceTally> PlaceTallies(IReadOnlyList<StoredAnalysis> stored)
    {
        var tallies = new Dictionary<long, PlaceTally>();
        foreach (var (analysis, _, seenAt) in stored)
        {
            foreach (var place in ReferencedPlaces(analysis)) tallies.TryAdd(place.Id, new PlaceTally(place));
            foreach (var group in analysis.Toponyms.GroupBy(t => t.Place.Id))
            {
                var tally = tallies[group.Key];
                tally.Mentions += group.Count();
                tally.Articles++;
                tally.FirstSeen = tally.FirstSeen is { } first && first <= seenAt ? first : seenAt;
                tally.LastSeen = tally.LastSeen is { } last && last >= seenAt ? last : seenAt;
            }
        }
        return tallies.Values.OrderBy(t => t.Place.Id).ToList();
    }

    private static NpgsqlBatchCommand NewPlaces(List<PlaceTally> places)
    {
        var command = SqlScripts.Get("Queries/Articles/insert_places.sql").BatchCommand();
        AddPlaceColumns(command, places);
        return command;
    }

    private static NpgsqlBatchCommand PlaceCounters(List<PlaceTally> places)
    {
        var command = SqlScripts.Get("Queries/Articles/upsert_places.sql").BatchCommand();
        AddPlaceColumns(command, places);
        Add(command, places.Select(t => t.Mentions).ToArray());
        Add(command, places.Select(t => t.Articles).ToArray());
        Add(command, places.Select(t => t.FirstSeen).ToArray());
        Add(command, places.Select(t => t.LastSeen).ToArray());
        return command;
    }

    private static void AddPlaceColumns(NpgsqlBatchCommand command, List<PlaceTally> places)
    {
        Add(command, places.Select(t => t.Place.Id).ToArray());
        Add(command, places.Select(t => Clean(t.Place.Name)).ToArray());
        Add(command, places.Select(t => WireNames.Of(t.Place.Kind)).ToArray());
        Add(command, places.Select(t => t.Place.CountryCode).ToArray());
        Add(command, places.Select(t => t.Place.FeatureCode).ToArray());
        Add(command, places.Select(t => Clean(t.Place.Admin1Name)).ToArray());
        Add(command, places.Select(t => Clean(t.Place.Admin2Name)).ToArray());
        Add(command, places.Select(t => t.Place.Population).ToArray());
        Add(command, places.Select(t => t.Place.PCode).ToArray());
        Add(command, places.Select(t => t.Place.Iso3166_2).ToArray());
        Add(command, places.Select(t => t.Place.Longitude).ToArray());
        Add(command, places.Select(t => t.Place.Latitude).ToArray());
    }

    private static NpgsqlBatchCommand Mentions(IReadOnlyList<StoredAnalysis> stored)
    {
        var rows = stored.SelectMany(s => s.Analysis.Toponyms.Select(t => (Stored: s, Toponym: t, Sentence: SentenceOf(s.Analysis.Sentences, t.Span.Start)))).ToList();
        var command = SqlScripts.Get("Queries/Articles/insert_mentions.sql").BatchCommand();
        Add(command, rows.Select(r => r.Stored.ArticleId).ToArray());
        Add(command, rows.Select(r => r.Stored.SeenAt).ToArray());
        Add(command, rows.Select(r => r.Toponym.Place.Id).ToArray());
        Add(command, rows.Select(r => r.Toponym.Span.Start).ToArray());
        Add(command, rows.Select(r => r.Toponym.Span.End).ToArray());
        Add(command, rows.Select(r => Clean(r.Toponym.Surface)).ToArray());
        Add(command, rows.Select(r => r.Sentence?.Start).ToArray());
        Add(command, rows.Select(r => r.Sentence?.End).ToArray());
        Add(command, rows.Select(r => (float)r.Toponym.Confidence).ToArray());
        return command;
    }

    private static NpgsqlBatchCommand Displacement(IReadOnlyList<StoredAnalysis> stored)
    {
        var rows = stored.SelectMany(s => s.Analysis.Displacement.Select(f => (Stored: s, Figure: f))).ToList();
        var command = SqlScripts.Get("Queries/Articles/insert_displacement.sql").BatchCommand();
        Add(command, rows.Select(r => r.Stored.ArticleId).ToArray());
        Add(command, rows.Select(r => r.Stored.SeenAt).ToArray());
        Add(command, rows.Select(r => r.Figure.Place?.Id).ToArray());
        Add(command, rows.Select(r => r.Figure.Origin?.Id).ToArray());
        Add(command, rows.Select(r => r.Figure.People).ToArray());
        Add(command, rows.Select(r => r.Figure.Low).ToArray());
        Add(command, rows.Select(r => r.Figure.High).ToArray());
        Add(command, rows.Select(r => CleanOrNull(r.Figure.Qualifier)).ToArray());
        Add(command, rows.Select(r => Clean(r.Figure.NumberText)).ToArray());
        Add(command, rows.Select(r => WireNames.Of(r.Figure.Direction)).ToArray());
        Add(command, rows.Select(r => r.Figure.AsOf).ToArray());
        Add(command, rows.Select(r => AsOfBasisName(r.Figure.AsOfBasis)).ToArray());
        Add(command, rows.Select(r => r.Figure.Span.Start).ToArray());
        Add(command, rows.Select(r => r.Figure.Span.End).ToArray());
        Add(command, rows.Select(r => r.Figure.Sentence.Start).ToArray());
        Add(command, rows.Select(r => r.Figure.Sentence.End).ToArray());
        Add(command, rows.Select(r => Quote(r.Stored.Analysis.Article.Text, r.Figure.Sentence)).ToArray());
        Add(command, rows.Select(r => (float)r.Figure.Confidence).ToArray());
        Add(command, rows.Select(r => CleanOrNull(r.Figure.QualifierText)).ToArray());
        Add(command, rows.Select(r => r.Figure.IsVague).ToArray());
        Add(command, rows.Select(r => WireNames.Of(r.Figure.Unit)).ToArray());
        Add(command, rows.Select(r => r.Figure.StatedCount).ToArray());
        Add(command, rows.Select(r => r.Figure.HouseholdSize is { } size ? (float?)size : null).ToArray());
        Add(command, rows.Select(r => WireNames.Of(r.Figure.Movement)).ToArray());
        Add(command, rows.Select(r => CleanOrNull(r.Figure.SourceAgency)).ToArray());
        return command;
    }

    private static NpgsqlBatchCommand Events(IReadOnlyList<StoredAnalysis> stored)
    {
        var rows = stored.SelectMany(s => s.Analysis.Events.Select(e => (Stored: s, Event: e))).ToList();
        var command = SqlScripts.Get("Queries/Articles/insert_events.sql").BatchCommand();
        Add(command, rows.Select(r => r.Stored.ArticleId).ToArray());
        Add(command, rows.Select(r => r.Stored.SeenAt).ToArray());
        Add(command, rows.Select(r => r.Event.Place.Id).ToArray());
        Add(command, rows.Select(r => WireNames.Of(r.Event.Type)).ToArray());
        Add(command, rows.Select(r => CleanOrNull(r.Event.SubType)).ToArray());
        Add(command, rows.Select(r => r.Event.Date).ToArray());
        Add(command, rows.Select(r => (short)r.Event.GeoPrecision).ToArray());
        Add(command, rows.Select(r => (short)r.Event.TimePrecision).ToArray());
        Add(command, rows.Select(r => r.Event.Fatalities).ToArray());
        Add(command, rows.Select(r => r.Event.Sentence.Start).ToArray());
        Add(command, rows.Select(r => r.Event.Sentence.End).ToArray());
        Add(command, rows.Select(r => Quote(r.Stored.Analysis.Article.Text, r.Event.Sentence)).ToArray());
        Add(command, rows.Select(r => (float)r.Event.Confidence).ToArray());
        Add(command, rows.Select(r => CleanOrNull(r.Event.Actor1?.Name)).ToArray());
        Add(command, rows.Select(r => AcledCodes.Inter(r.Event.Actor1)).ToArray());
        Add(command, rows.Select(r => CleanOrNull(r.Event.Actor2?.Name)).ToArray());
        Add(command, rows.Select(r => AcledCodes.Inter(r.Event.Actor2)).ToArray());
        return command;
    }

    private static void Add<T>(NpgsqlBatchCommand command, T value) => command.Parameters.Add(new NpgsqlParameter<T> { TypedValue = value });

    private static TextSpan? SentenceOf(IReadOnlyList<TextSpan> sentences, int index)
    {
        int low = 0, high = sentences.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var sentence = sentences[middle];
            if (sentence.Contains(index)) return sentence;
            if (index < sentence.Start) high = middle - 1; else low = middle + 1;
        }
        return null;
    }

    private static string Quote(string text, TextSpan sentence)
    {
        var start = Math.Clamp(sentence.Start, 0, text.Length);
        var end = Math.Clamp(sentence.End, start, text.Length);
        return Clean(text[start..end]);
    }

    /// <summary>PostgreSQL text cannot hold NUL; it is never meaningful in news text.</summary>
    private static string Clean(string value) => value.Contains('\0', StringComparison.Ordinal) ? value.Replace("\0", "", StringComparison.Ordinal) : value;

    private static string? CleanOrNull(string? value) => value is null ? null : Clean(value);

    private static string AsOfBasisName(AsOfBasis basis) => basis switch
    {
        AsOfBasis.Text => "text",
        AsOfBasis.Published => "published",
        _ => "unknown",
    };
}
