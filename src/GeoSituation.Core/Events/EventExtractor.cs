using GeoSituation.Core.Geoparsing;
using GeoSituation.Core.Text;

namespace GeoSituation.Core.Events;

/// <summary>Turns sentences that report something happening at a place into ACLED-style events.</summary>
public sealed class EventExtractor
{
    // SCAFFOLD: replaced by the events work (helper C).
    public IReadOnlyList<SituationEvent> Extract(string text, IReadOnlyList<TextSpan> sentences, IReadOnlyList<Toponym> toponyms, DateTimeOffset? published) =>
        throw new NotImplementedException();
}
