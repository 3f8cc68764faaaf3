using GeoSituation.Core.Gazetteer;

namespace GeoSituation.Core.Geoparsing;

/// <summary>A stretch of tokens that matches a gazetteer name, with the evidence gathered about it.</summary>
internal sealed class Candidate(int firstToken, int lastToken, int start, int end, string key, NameHit[] hits, bool stop)
{
    public int FirstToken { get; } = firstToken;
    public int LastToken { get; } = lastToken;
    public int Start { get; } = start;
    public int End { get; set; } = end;
    /// <summary>The text as written (set by the geoparser).</summary>
    public string Surface { get; set; } = "";
    /// <summary>The normalised name as looked up.</summary>
    public string Key { get; } = key;
    public NameHit[] Hits { get; set; } = hits;
    /// <summary>On the hand-kept stop-list (organisations): consumes the tokens, never a toponym.</summary>
    public bool Stop { get; } = stop;
    /// <summary>Matched by spelling similarity, not exactly.</summary>
    public bool Fuzzy { get; init; }
    /// <summary>A street, road, river or lake the gazetteer lacks, placed at the article's own town.</summary>
    public bool LocalFeature { get; init; }
    /// <summary>A misspelling of a place this article names elsewhere ("Refa" after "Rafah").</summary>
    public bool InArticleMisspelling { get; init; }
    /// <summary>Log-odds that this is a place mention at all.</summary>
    public double Recognition { get; set; }
    public bool Accepted { get; set; }
    /// <summary>Index of the chosen gazetteer entry.</summary>
    public int Entry { get; set; } = -1;
    /// <summary>Probability the chosen entry is right, given that this is a place.</summary>
    public double ResolutionProbability { get; set; }
    /// <summary>Index of the candidate that qualifies this one ("Paris, Texas": Texas), or -1.</summary>
    public int Qualifier { get; set; } = -1;
    public bool OnlyDemonym { get; set; }
}
