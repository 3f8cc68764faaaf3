namespace GeoSituation.Core.Gazetteer;

/// <summary>Everything the gazetteer holds before it is indexed: what the binary cache stores.</summary>
/// <param name="Entries">Countries, regions, admin areas, then populated places.</param>
/// <param name="Demonyms">Adjective and people forms by entry index ("Qatari" for Qatar); indexed apart from
/// names because "Egyptian" names a country only as a modifier.</param>
/// <param name="Aliases">Hand-kept other names (geodata/aliases.tsv) by entry index.</param>
/// <param name="StopNames">Names that are never a place on their own in news (organisations, agencies).</param>
/// <param name="Words">English lexicon: lower-case word -> classes (given name, common word...).</param>
internal sealed record GazetteerData(
    IReadOnlyList<GazetteerEntry> Entries,
    IReadOnlyDictionary<int, string[]> Demonyms,
    IReadOnlyList<(string Name, int Entry)> Aliases,
    IReadOnlyList<string> StopNames,
    IReadOnlyDictionary<string, WordClass> Words);
