using GeoSituation.Core.Gazetteer;
using GeoSituation.Core.Text;

namespace GeoSituation.Core.Displacement;

/// <summary>Whether the place of a figure is where people are now or where they came from.</summary>
public enum DisplacementDirection
{
    /// <summary>People are sheltering at the place ("crammed into Rafah").</summary>
    At,
    /// <summary>People fled from the place ("fled Khan Younis").</summary>
    From,
}

/// <summary>What a figure counts: people, or households / families as the text gives them.</summary>
public enum FigureUnit
{
    People,
    Households,
    Families,
}

/// <summary>Which way people moved: displaced (fled, sheltering, crossed a border), went home, or were expelled.</summary>
public enum MovementKind
{
    Displaced,
    /// <summary>People going back to where they lived ("returned to northern Gaza").</summary>
    Returned,
    /// <summary>People expelled or forcibly returned across a border ("deported from Pakistan").</summary>
    Deported,
}

/// <summary>How the as-of date of a figure was established.</summary>
public enum AsOfBasis
{
    /// <summary>A date stated in the text ("as of 7 February", "this Tuesday").</summary>
    Text,
    /// <summary>The article's published date.</summary>
    Published,
    /// <summary>No date could be established.</summary>
    Unknown,
}

/// <summary>One displacement figure quoted in an article, kept with its wording so planners can judge it.</summary>
/// <remarks>
/// <see cref="Low"/> and <see cref="High"/> bound the figure: a single number has Low == High == People;
/// a range ("between 1.5 and 1.7 million") has People == Low, its conservative end;
/// "up to 1.7 million" has Low null; "more than 30" has High null; vague words ("tens of thousands")
/// take ACLED-style fixed low bounds with <see cref="NumberText"/> kept verbatim.
/// </remarks>
public sealed record DisplacementFigure
{
    public required long People { get; init; }
    public long? Low { get; init; }
    public long? High { get; init; }
    /// <summary>Normalised qualifier: approximately, about, some, nearly, up to, more than, at least, over, less than; null when none.</summary>
    public string? Qualifier { get; init; }
    /// <summary>The qualifier as written ("An estimated", "as many as"); null when none.</summary>
    public string? QualifierText { get; init; }
    /// <summary>The number phrase as written ("approximately 1.4 million").</summary>
    public required string NumberText { get; init; }
    /// <summary>True when the text gives a magnitude ("tens of thousands"), not a number: People is its fixed low bound.</summary>
    public bool IsVague { get; init; }
    public required DisplacementDirection Direction { get; init; }
    /// <summary>The place the figure is about (where people are, or where they fled from); null when none could be found.</summary>
    public GazetteerEntry? Place { get; init; }
    /// <summary>Where people fled from, when the figure also names a destination (a flow origin -> <see cref="Place"/>).</summary>
    public GazetteerEntry? Origin { get; init; }
    public DateOnly? AsOf { get; init; }
    public required AsOfBasis AsOfBasis { get; init; }
    /// <summary>The number phrase's span in the text.</summary>
    public required TextSpan Span { get; init; }
    /// <summary>The whole sentence quoted as the source of the figure.</summary>
    public required TextSpan Sentence { get; init; }
    public required double Confidence { get; init; }
    /// <summary>What the stated number counts; for households and families <see cref="People"/> is converted.</summary>
    public FigureUnit Unit { get; init; } = FigureUnit.People;
    /// <summary>The number as the text states it, in <see cref="Unit"/> (for people, equal to <see cref="People"/>).</summary>
    public long StatedCount { get; init; }
    /// <summary>People per household used to convert households or families; null for people.</summary>
    /// <remarks>A converted figure is an estimate: <see cref="IsConverted"/> marks it wherever it is served.</remarks>
    public double? HouseholdSize { get; init; }
    /// <summary>True when <see cref="People"/> was computed from households or families.</summary>
    public bool IsConverted => Unit != FigureUnit.People;
    public MovementKind Movement { get; init; } = MovementKind.Displaced;
    /// <summary>The organisation the text attributes the figure to ("according to UNHCR"); null when none is named.</summary>
    public string? SourceAgency { get; init; }
}
