namespace GeoSituation.Cli.GazetteerImport;

/// <summary>What `geosituation gazetteer import` was asked; null fields are detected from the file.</summary>
internal sealed record ImportOptions
{
    public required string File { get; init; }
    public string? Name { get; init; }
    /// <summary>admin1, admin2, admin3 or site.</summary>
    public string? Level { get; init; }
    public string? PCodeField { get; init; }
    public string? NameField { get; init; }
    public string? AltNamesField { get; init; }
    public string? ParentPCodeField { get; init; }
    public string? Country { get; init; }
}
