using System.Collections.Frozen;

namespace GeoSituation.Core.Extraction;

/// <summary>A case-insensitive word list looked up with spans of the article text, so lookups allocate nothing.</summary>
internal sealed class WordSet
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public WordSet(params string[] words) =>
        lookup = words.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    public bool Contains(ReadOnlySpan<char> word) => lookup.Contains(word);
}

/// <summary>A case-insensitive word -> value table looked up with spans of the article text.</summary>
internal sealed class WordMap<T>
{
    private readonly FrozenDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public WordMap(IEnumerable<KeyValuePair<string, T>> entries) =>
        lookup = entries.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    public bool TryGet(ReadOnlySpan<char> word, out T value) => lookup.TryGetValue(word, out value!);
}
