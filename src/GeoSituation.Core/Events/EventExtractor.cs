using GeoSituation.Core.Geoparsing;
using GeoSituation.Core.Text;

namespace GeoSituation.Core.Events;

/// <summary>Turns sentences that report something happening at a place into ACLED-style events.</summary>
/// <remarks>Thread-safe: each call scans with its own buffers. The rules are described on <see cref="EventScan"/>.</remarks>
public sealed class EventExtractor(ActorDictionary? actors = null, Gazetteer.Gazetteer? gazetteer = null)
{
    private readonly ActorDictionary actors = actors ?? ActorDictionary.Default;
    private readonly TerritorySense? territories = gazetteer is null ? null : new TerritorySense(gazetteer);
    private readonly EventPlaceRecovery? recovery = gazetteer is null ? null : new EventPlaceRecovery(gazetteer, actors ?? ActorDictionary.Default,
        gazetteer.GeodataDirectory is { } folder ? SmallPlaces.For(folder) : null);

    public IReadOnlyList<SituationEvent> Extract(string text, IReadOnlyList<TextSpan> sentences, IReadOnlyList<Toponym> toponyms, DateTimeOffset? published)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(toponyms);
        DateOnly? day = published is { } p ? DateOnly.FromDateTime(p.DateTime) : null;
        return new EventScan(text, sentences, territories?.Apply(toponyms) ?? toponyms, day, actors, recovery).Run();
    }
}
