using GeoSituation.Core.Extraction;
namespace GeoSituation.Core.Displacement;
internal static class HouseholdSizes { public static double For(string? countryCode) => 5.0; }
internal static class SourceAgencies { public static string? Find(SentenceTokens tokens, int first, int end) => null; }
