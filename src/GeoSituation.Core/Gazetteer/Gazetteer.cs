namespace GeoSituation.Core.Gazetteer;

/// <summary>The offline gazetteer: every place the geoparser can resolve to, indexed by name.</summary>
/// <remarks>Immutable after load and safe to share across threads.</remarks>
public sealed class Gazetteer
{
    // SCAFFOLD: replaced by the gazetteer work (helper A).
    public IReadOnlyList<GazetteerEntry> Entries => throw new NotImplementedException();
}
