namespace GeoSituation.Core.Gazetteer;

/// <summary>Folds accented Latin letters to their lower-case base letter ("Ḩ" -> "h", "Ò" -> "o").</summary>
/// <remarks>
/// The product runs with invariant globalization, where string.Normalize cannot decompose, so the folding is a
/// table: generated once from Unicode's canonical decompositions (NFD, marks removed, lower-cased) for Latin-1
/// Supplement, Latin Extended-A/B and Latin Extended Additional.
/// </remarks>
internal static class LatinFolding
{
    private const int Start0 = 0x00C0;
    private const string Table0 =
        "aaaaaaæceeeeiiiiðnooooo×øuuuuyþßaaaaaaæceeeeiiiiðnooooo÷øuuuuyþy" +
        "aaaaaaccccccccddđđeeeeeeeeeegggggggghhħħiiiiiiiiiıĳĳjjkkĸllllllŀ" +
        "ŀłłnnnnnnŉŋŋooooooœœrrrrrrssssssssttttŧŧuuuuuuuuuuuuwwyyyzzzzzzſ" +
        "ƀɓƃƃƅƅɔƈƈɖɗƌƌƍǝəɛƒƒɠɣƕɩɨƙƙƚƛɯɲƞɵooƣƣƥƥʀƨƨʃƪƫƭƭʈuuʊʋƴƴƶƶʒƹƹƺƻƽƽƾƿ" +
        "ǀǁǂǃǆǆǆǉǉǉǌǌǌaaiioouuuuuuuuuuǝaaaaææǥǥggkkooooʒʒjǳǳǳggƕƿnnaaææøø" +
        "aaaaeeeeiiiioooorrrruuuussttȝȝhhƞȡȣȣȥȥaaeeooooooooyyȴȵȶȷȸȹ\u2C65ȼȼƚ\u2C66ȿ" +
        "ɀɂɂƀʉʌɇɇɉɉɋɋɍɍɏɏ";

    private const int Start1 = 0x1E00;
    private const string Table1 =
        "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm" +
        "mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv" +
        "wwwwwwwwwwxxxxyyzzzzzzhtwyẚſẜẝßẟaaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee" +
        "eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyyỻỻỽỽỿỿ";

    /// <summary>The folded letter, or the character itself when it is outside the tables.</summary>
    public static char Fold(char c)
    {
        if (c >= Start0 && c < Start0 + Table0.Length) return Table0[c - Start0];
        if (c >= Start1 && c < Start1 + Table1.Length) return Table1[c - Start1];
        return char.ToLowerInvariant(c);
    }
}
