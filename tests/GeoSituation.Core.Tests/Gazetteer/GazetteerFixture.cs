namespace GeoSituation.Core.Tests.Gazetteer;

/// <summary>One gazetteer per test run: loading is the expensive part and the gazetteer is immutable.</summary>
public sealed class GazetteerFixture
{
    private static readonly Lazy<Core.Gazetteer.Gazetteer> Shared =
        new(() => Core.Gazetteer.Gazetteer.Load(Core.Gazetteer.Gazetteer.LocateGeodata()));

    public Core.Gazetteer.Gazetteer Gazetteer => Shared.Value;
}

[CollectionDefinition(Name)]
public sealed class GazetteerCollection : ICollectionFixture<GazetteerFixture>
{
    public const string Name = "gazetteer";
}
