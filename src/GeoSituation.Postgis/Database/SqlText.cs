using System.Diagnostics.CodeAnalysis;
using Npgsql;

namespace GeoSituation.Postgis.Database;

/// <summary>
/// SQL text that is known not to contain values: an embedded .sql script, or a template whose only variable
/// parts are identifiers from a fixed catalogue (quoted) and parameter placeholders.
/// </summary>
/// <remarks>
/// CA2100 (SQL built from input) is an error in this repository. Every command is created here, from a
/// <see cref="SqlText"/>, so the one place that vouches for "no values in SQL text" is this file.
/// </remarks>
internal readonly record struct SqlText
{
    private SqlText(string text) => Text = text;

    public string Text { get; }

    /// <summary>Only <see cref="SqlScripts"/> calls this, with the content of an embedded resource.</summary>
    internal static SqlText FromEmbeddedScript(string text) => new(text);

    /// <summary>A template built from constants, <see cref="QuoteIdentifier"/>-quoted catalogue identifiers and $n placeholders.</summary>
    internal static SqlText FromTemplate(string text) => new(text);

    public static string QuoteIdentifier(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    [SuppressMessage("Security", "CA2100", Justification = "SqlText holds only embedded scripts and catalogue templates; values are bound parameters.")]
    public NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction = null, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlCommand(Text, connection, transaction);
        command.Parameters.AddRange(parameters);
        return command;
    }

    [SuppressMessage("Security", "CA2100", Justification = "SqlText holds only embedded scripts and catalogue templates; values are bound parameters.")]
    public NpgsqlCommand Command(NpgsqlDataSource dataSource) => dataSource.CreateCommand(Text);

    [SuppressMessage("Security", "CA2100", Justification = "SqlText holds only embedded scripts and catalogue templates; values are bound parameters.")]
    public NpgsqlBatchCommand BatchCommand() => new(Text);
}
