using Npgsql;

namespace GeoSituation.Postgis.Database;

/// <summary>Makes connection strings safe to print: passwords and other secrets never reach a log.</summary>
public static class ConnectionStrings
{
    public static string Redact(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (!string.IsNullOrEmpty(builder.Password)) builder.Password = "***";
            if (!string.IsNullOrEmpty(builder.SslPassword)) builder.SslPassword = "***";
            return $"Host={builder.Host};Port={builder.Port};Database={builder.Database};Username={builder.Username}";
        }
        catch (ArgumentException)
        {
            return "(unparseable connection string)";
        }
    }
}
