namespace GeoSituation.Server.Hosting;

/// <summary>
/// Console logs for people at a terminal, one JSON object a line when stdout is a pipe or a file (containers,
/// systemd, log shippers), so that a log collector gets fields, not text to parse.
/// </summary>
/// <remarks>GEOSITUATION_LOG_FORMAT=json|text overrides the guess.</remarks>
public static class StructuredLogging
{
    public static WebApplicationBuilder AddStructuredLogging(this WebApplicationBuilder builder)
    {
        var format = builder.Configuration["GEOSITUATION_LOG_FORMAT"]?.Trim().ToLowerInvariant();
        if (format is not (null or "" or "json" or "text"))
        {
            throw new InvalidOperationException($"GEOSITUATION_LOG_FORMAT must be 'json' or 'text', not '{(format.Length > 20 ? format[..20] + "..." : format)}'.");
        }
        var json = format == "json" || (format is null or "" && Console.IsOutputRedirected);
        builder.Logging.ClearProviders();
        if (json)
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
                o.IncludeScopes = true;
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = false);
        }
        return builder;
    }
}
