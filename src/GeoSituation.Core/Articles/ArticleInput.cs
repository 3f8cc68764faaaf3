namespace GeoSituation.Core.Articles;

/// <summary>A news article as it arrives: from the API, a file or a feed.</summary>
public sealed record ArticleInput
{
    public string Title { get; init; } = "";
    public required string Text { get; init; }
    public string? Url { get; init; }
    public string? Source { get; init; }
    public DateTimeOffset? Published { get; init; }
}
