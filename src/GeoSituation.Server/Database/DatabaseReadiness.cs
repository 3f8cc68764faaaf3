namespace GeoSituation.Server.Database;

/// <summary>Whether the schema is migrated and the basemap loaded: until then data endpoints answer 503.</summary>
internal sealed class DatabaseReadiness
{
    private volatile bool ready;

    public bool IsReady => ready;

    public void MarkReady() => ready = true;
}
