namespace GeoSituation.Core.Geoparsing;

/// <summary>Small closed word lists that tell places from people and things around a capitalised name.</summary>
internal static class ContextWords
{
    /// <summary>Words before a name that make it a place: "in Rafah", "near Khan Yunis", "from Cairo".</summary>
    public static readonly HashSet<string> Locative = new(StringComparer.Ordinal)
    {
        "in", "at", "near", "from", "to", "into", "outside", "across", "throughout", "towards", "toward", "around",
        "via", "through", "inside", "within", "between", "northern", "southern", "eastern", "western",
        "central", "northeastern", "northwestern", "southeastern", "southwestern", "north", "south", "east", "west",
        "downtown", "rural", "suburban", "visit", "visited", "visiting", "entered", "enter", "invade", "invaded", "reach",
        "reached", "leave", "left", "fled", "borders", "native", "resident", "residents", "based",
    };

    /// <summary>Directions that make "southern Gaza" the region rather than the city.</summary>
    public static readonly HashSet<string> Directional = new(StringComparer.Ordinal)
    {
        "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern", "southwestern",
    };

    /// <summary>Titles and roles before a name that make it a person: "President Sisi", "spokesman John Kirby".</summary>
    public static readonly HashSet<string> PersonTitles = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "rev", "father", "sister", "brother",
        "president", "vice", "prime", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "director", "chief",
        "gen", "general", "sen", "senator", "rep", "representative", "gov", "governor", "mayor", "judge", "justice",
        "officer", "sheriff", "coach", "pastor", "king", "queen", "prince", "princess", "sheikh", "emir", "lt", "sgt",
        "capt", "captain", "col", "colonel", "maj", "major", "cpl", "commissioner", "chairman", "chairwoman", "ceo", "attorney",
        "detective", "deputy", "trooper", "councilman", "councilwoman", "superintendent", "principal", "pope",
        "said", "says", "told", "actor", "actress", "singer", "player", "manager", "founder", "author", "journalist",
        "correspondent", "professor", "dean", "doctor", "nurse", "husband", "wife", "son", "daughter", "mother", "uncle", "aunt",
        "cousin", "grandson", "granddaughter", "named", "defendant", "suspect", "victim", "chancellor", "ambassador", "envoy",
        "leader", "commander", "adviser", "advisor", "aide", "analyst", "economist", "researcher", "scientist", "coordinator",
    };

    /// <summary>Particles inside Arabic, Dutch, Spanish... personal names ("Abdel Fattah el Sisi", "bin Salman").</summary>
    public static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal)
    {
        "el", "al", "bin", "ibn", "bint", "abu", "van", "von", "der", "den", "de", "da", "di", "du", "la", "le", "dos", "das", "del",
    };

    /// <summary>Nouns that end a place name: "Jackson County" is a place even though Jackson is a given name.</summary>
    public static readonly HashSet<string> PlaceTypeWords = new(StringComparer.Ordinal)
    {
        "county", "city", "parish", "district", "province", "state", "township", "town", "village", "borough", "region",
        "governorate", "valley", "island", "islands", "lake", "river", "mountains", "bay", "beach", "heights", "springs",
        "falls", "park", "street", "avenue", "road", "square", "strip", "bank", "peninsula", "camp", "counties", "cities",
        "states", "provinces", "districts", "parishes", "area", "areas",
    };

    /// <summary>Months and days the lexicon leaves out because they are also names (March, May, August).</summary>
    public static readonly HashSet<string> Calendar = new(StringComparer.Ordinal)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    };

    /// <summary>Words of US local government and schools; several in one article mark US local news.</summary>
    public static readonly HashSet<string> UsLocalGovernment = new(StringComparer.Ordinal)
    {
        "county", "township", "sheriff", "sheriff's", "elementary", "superintendent", "commissioners", "councilman",
        "councilwoman", "alderman", "aldermen", "selectmen", "deputies", "freeholders", "borough", "statehouse", "gov",
    };

    /// <summary>Verbs that make a capital's name stand for its government when they follow it ("Washington said",
    /// "Moscow denied"), and nouns that do so just before it ("officials in Beijing", "talks in Doha").</summary>
    public static readonly HashSet<string> GovernmentVoice = new(StringComparer.Ordinal)
    {
        "said", "says", "announced", "warned", "denied", "accused", "urged", "insisted", "rejected", "demanded", "agreed",
        "signed", "claimed", "responded", "condemned", "welcomed", "threatened", "imposed", "sanctioned", "recognised",
        "recognized", "officials", "government", "administration", "talks", "summit", "embassy", "diplomats", "lawmakers",
        "policymakers", "regime", "negotiators", "envoys", "sanctions",
    };

    /// <summary>Lower-case words that never start a place name; skipping them keeps the scan fast.</summary>
    public static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "is", "was", "are", "were",
        "be", "been", "has", "have", "had", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our",
        "that", "this", "these", "those", "which", "who", "whom", "as", "but", "not", "no", "so", "if", "than", "then", "there",
        "will", "would", "can", "could", "should", "may", "might", "must", "do", "does", "did", "said", "says", "also", "more",
        "most", "about", "after", "before", "over", "under", "up", "out", "into", "all", "any", "some", "one", "two", "new",
    };
}
