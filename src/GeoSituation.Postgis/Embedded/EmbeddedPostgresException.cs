namespace GeoSituation.Postgis.Embedded;

/// <summary>The embedded cluster could not be created, started or stopped; the message says why and what to do.</summary>
public sealed class EmbeddedPostgresException(string message) : Exception(message);
