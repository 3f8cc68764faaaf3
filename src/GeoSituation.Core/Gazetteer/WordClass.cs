namespace GeoSituation.Core.Gazetteer;

/// <summary>What an English word is when it is not a place (geodata/lexicon.tsv.gz, from compromise's lexicon).</summary>
[Flags]
public enum WordClass : ushort
{
    None = 0,
    GivenName = 1,
    Surname = 2,
    Person = 4,
    Honorific = 8,
    Organization = 16,
    Month = 32,
    Weekday = 64,
    /// <summary>Ordinary vocabulary: verbs, adjectives, common nouns ("mobile", "reading", "burns").</summary>
    Common = 128,
    /// <summary>A dictionary word that is also a place name, but not a frequent one ("kirby", "bath").</summary>
    Dictionary = 256,
}
