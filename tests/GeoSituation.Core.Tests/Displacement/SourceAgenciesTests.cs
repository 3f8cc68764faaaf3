using GeoSituation.Core.Displacement;
using GeoSituation.Core.Extraction;
using GeoSituation.Core.Text;

namespace GeoSituation.Core.Tests.Displacement;

/// <summary>
/// The organisation a figure is attributed to, by its usual short name. Sentences written for these tests in the
/// styles of wire copy and situation reports; the figure is the number written in the second column.
/// </summary>
public sealed class SourceAgenciesTests
{
    [Theory]
    // UNHCR
    [InlineData("UNHCR said 20,000 people had crossed into Chad since Friday.", "20,000", "UNHCR")]
    [InlineData("Some 12,000 refugees arrived in Renk last week, the UN refugee agency said.", "12,000", "UNHCR")]
    [InlineData("The UN's refugee agency says 8,500 people reached the border on foot.", "8,500", "UNHCR")]
    [InlineData("The U.N. refugee agency counted 4,300 new arrivals at the transit centre.", "4,300", "UNHCR")]
    [InlineData("The United Nations' refugee agency estimates that 31,000 have fled.", "31,000", "UNHCR")]
    [InlineData("According to the United Nations High Commissioner for Refugees, 650,000 people have left the country.", "650,000", "UNHCR")]
    [InlineData("About 9,000 people fled across the river, Unhcr said.", "9,000", "UNHCR")]
    // IOM and its Displacement Tracking Matrix
    [InlineData("The International Organization for Migration said 14,000 people were displaced by the floods.", "14,000", "IOM")]
    [InlineData("More than 3,000 migrants were stranded at the border, the UN migration agency reported.", "3,000", "IOM")]
    [InlineData("IOM recorded 2,100 returnees this month.", "2,100", "IOM")]
    [InlineData("IOM DTM teams counted 57,000 displaced people in Gedaref.", "57,000", "IOM DTM")]
    [InlineData("According to the IOM's Displacement Tracking Matrix, 210,000 people fled El Fasher.", "210,000", "IOM DTM")]
    [InlineData("The Displacement Tracking Matrix registered 18,400 newly displaced households' members.", "18,400", "IOM DTM")]
    [InlineData("DTM data show 44,000 people sheltering in schools.", "44,000", "IOM DTM")]
    // OCHA
    [InlineData("OCHA said up to 1.7 million people had been displaced.", "1.7 million", "OCHA")]
    [InlineData("The UN humanitarian office estimated that 100,000 people fled in three days.", "100,000", "OCHA")]
    [InlineData("Roughly 60,000 people are displaced, according to the Office for the Coordination of Humanitarian Affairs.", "60,000", "OCHA")]
    [InlineData("The UN aid coordination office reported 25,000 newly displaced people.", "25,000", "OCHA")]
    // UNRWA
    [InlineData("UNRWA says 1.4 million people are sheltering in Rafah.", "1.4 million", "UNRWA")]
    [InlineData("The UN agency for Palestinian refugees said 75,000 people moved to its shelters.", "75,000", "UNRWA")]
    [InlineData("The UN Relief and Works Agency counted 160,000 people in its schools.", "160,000", "UNRWA")]
    // Other UN agencies
    [InlineData("UNICEF said 7,000 children had fled with their families.", "7,000", "UNICEF")]
    [InlineData("The World Food Programme said 30,000 displaced people received rations.", "30,000", "WFP")]
    [InlineData("WFP reported that 18,000 people fled the fighting.", "18,000", "WFP")]
    [InlineData("The World Health Organization said 11,000 people were sheltering in the hospital grounds.", "11,000", "WHO")]
    [InlineData("WHO said 900 patients and their families were evacuated.", "900", "WHO")]
    [InlineData("UNFPA estimates 40,000 pregnant women are among the displaced.", "40,000", "UNFPA")]
    // Non-governmental organisations
    [InlineData("Médecins sans Frontières said 5,000 people arrived at the camp overnight.", "5,000", "MSF")]
    [InlineData("Doctors Without Borders said 5,000 people arrived at the camp overnight.", "5,000", "MSF")]
    [InlineData("MSF teams counted 3,400 people sleeping in the open.", "3,400", "MSF")]
    [InlineData("The Norwegian Refugee Council said 50,000 people fled in a week.", "50,000", "NRC")]
    [InlineData("NRC said 50,000 people fled in a week.", "50,000", "NRC")]
    [InlineData("The International Rescue Committee warned that 80,000 people were displaced.", "80,000", "IRC")]
    [InlineData("The International Committee of the Red Cross said 2,500 families' members had fled.", "2,500", "ICRC")]
    [InlineData("About 6,000 people fled the town, the Red Cross said.", "6,000", "ICRC")]
    [InlineData("The Internal Displacement Monitoring Centre recorded 9.1 million internally displaced people.", "9.1 million", "IDMC")]
    [InlineData("Save the Children said 15,000 children were among those displaced.", "15,000", "Save the Children")]
    [InlineData("Refugees International said 200,000 people remain displaced.", "200,000", "Refugees International")]
    [InlineData("Human Rights Watch said 30,000 residents were forced from their homes.", "30,000", "Human Rights Watch")]
    [InlineData("Amnesty International said 12,000 people were forcibly displaced.", "12,000", "Amnesty International")]
    // Authorities
    [InlineData("The Health Ministry said 70,000 people were sheltering in hospitals.", "70,000", "Ministry of Health")]
    [InlineData("Gaza's health ministry said 70,000 people were sheltering in hospitals.", "70,000", "Ministry of Health")]
    [InlineData("According to the Ministry of Health, 70,000 people are sheltering in hospitals.", "70,000", "Ministry of Health")]
    [InlineData("Civil defence crews evacuated 1,200 residents, the civil defence said.", "1,200", "Civil Defence")]
    [InlineData("The Civil Defence said 3,000 people were evacuated from the coast.", "3,000", "Civil Defence")]
    [InlineData("The government media office said 1.9 million people had been displaced.", "1.9 million", "Government Media Office")]
    [InlineData("Sudan's Humanitarian Aid Commission said 45,000 people arrived in Kassala.", "45,000", "Sudan's Humanitarian Aid Commission")]
    [InlineData("Ukraine's Ministry of Social Policy registered 4.9 million internally displaced people.", "4.9 million", "Ukraine's Ministry of Social Policy")]
    [InlineData("Pakistan's National Disaster Management Authority said 33,000 people were moved to relief camps.", "33,000", "Pakistan's National Disaster Management Authority")]
    [InlineData("Figures from South Sudan's Relief and Rehabilitation Commission put arrivals at 90,000 people.", "90,000", "South Sudan's Relief and Rehabilitation Commission")]
    public void Each_alias_gives_the_usual_short_name(string text, string figure, string expected) =>
        Assert.Equal(expected, Find(text, figure));

    [Theory]
    // The attributed organisation wins over one named as an aid provider or a partner.
    [InlineData("UNICEF is trucking water to the camps, where 20,000 people have arrived, UNHCR said.", "20,000", "UNHCR")]
    [InlineData("UNHCR said 20,000 people had arrived at camps where UNICEF is trucking water.", "20,000", "UNHCR")]
    [InlineData("WFP has distributed food to 40,000 displaced people, according to OCHA.", "40,000", "OCHA")]
    [InlineData("Figures from the Norwegian Refugee Council show 12,000 people fled, while the IRC runs clinics in the camp.", "12,000", "NRC")]
    [InlineData("IOM spokesperson Kennedy Okoth said 6,200 people fled to UNHCR sites.", "6,200", "IOM")]
    [InlineData("The head of UNRWA, Philippe Lazzarini, said 1.4 million people were in Rafah, where WHO supports two hospitals.", "1.4 million", "UNRWA")]
    [InlineData("UNICEF, WFP and UNHCR said 300,000 people had crossed the border.", "300,000", "UNHCR")]
    // A specific agency beats the generic UN even when the UN is the sentence's subject.
    [InlineData("A UN official said 50,000 people had fled, citing UNHCR data.", "50,000", "UNHCR")]
    [InlineData("The UN Office for the Coordination of Humanitarian Affairs said 85,000 people fled.", "85,000", "OCHA")]
    // Nothing attributed: the organisation nearest the figure.
    [InlineData("Around 10,000 people sheltering near an IOM site received UNICEF hygiene kits.", "10,000", "IOM")]
    public void The_attributed_organisation_wins(string text, string figure, string expected) =>
        Assert.Equal(expected, Find(text, figure));

    [Theory]
    [InlineData("The UN said 20,000 people fled south to Rafah.", "20,000")]
    [InlineData("More than 100,000 people have been displaced, the United Nations said on Tuesday.", "100,000")]
    [InlineData("About 5,000 people fled, U.N. officials said.", "5,000")]
    [InlineData("UN agencies estimate that 2 million people are displaced.", "2 million")]
    public void A_generic_UN_is_returned_when_no_agency_is_named(string text, string figure) =>
        Assert.Equal(SourceAgencies.UnitedNations, Find(text, figure));

    [Theory]
    [InlineData("Tens of thousands of people fled Khan Younis for Rafah.", "Tens of thousands")]
    [InlineData("About 40,000 residents left the city on Monday.", "40,000")]
    [InlineData("1.4 million people are crammed into Rafah, officials said.", "1.4 million")]
    // People are never returned.
    [InlineData("Ahmed Hassan, a teacher, said 3,000 people fled his village overnight.", "3,000")]
    [InlineData("Aid worker Sarah Jones told reporters that 8,000 people were sleeping in the streets.", "8,000")]
    [InlineData("Mohammed's family was among 12,000 people who fled the camp.", "12,000")]
    // Places are never returned, even with a possessive or a reporting verb.
    [InlineData("Khartoum said 25,000 people had been evacuated from the area.", "25,000")]
    [InlineData("Sudan's army said 25,000 people had been evacuated from the area.", "25,000")]
    [InlineData("Rafah's population has swollen with 1.4 million displaced people.", "1.4 million")]
    [InlineData("Kyiv's mayor said 15,000 people left the city.", "15,000")]
    // "who", "save the children" and "amnesty" as ordinary words.
    [InlineData("Those who fled, some 9,000 people, reached the coast.", "9,000")]
    [InlineData("THOSE WHO FLED: 9,000 PEOPLE REACHED THE COAST.", "9,000")]
    [InlineData("Volunteers tried to save the children among 2,000 people trapped by the flood.", "2,000")]
    public void No_organisation_gives_null(string text, string figure) =>
        Assert.Null(Find(text, figure));

    [Fact]
    public void An_organisation_far_from_the_figure_in_a_run_on_sentence_is_not_looked_for()
    {
        var filler = string.Concat(Enumerable.Repeat("and then the people walked on ", 40));
        Assert.Null(Find("UNHCR said " + filler + "until 20,000 people reached the camp.", "20,000"));
    }

    [Fact]
    public void Canonical_names_are_returned_without_allocating_a_new_string()
    {
        Assert.Same("UNHCR", Find("The UN refugee agency said 20,000 people had fled.", "20,000"));
        Assert.Same(SourceAgencies.UnitedNations, Find("The UN said 20,000 people had fled.", "20,000"));
    }

    [Fact]
    public void Finding_an_agency_allocates_nothing()
    {
        const string text = "UNICEF is trucking water to the camps, where 20,000 people have arrived from Khan Younis, the UN refugee agency said on Tuesday.";
        var tokens = new SentenceTokens();
        tokens.Load(text, new TextSpan(0, text.Length));
        var first = tokens.FirstTokenOverlapping(text.IndexOf("20,000", StringComparison.Ordinal), text.Length);
        Assert.Equal("UNHCR", SourceAgencies.Find(tokens, first, first + 1));

        // Warm up first: tiered compilation may allocate while it recompiles the method mid-loop.
        for (var i = 0; i < 5000; i++) SourceAgencies.Find(tokens, first, first + 1);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++) SourceAgencies.Find(tokens, first, first + 1);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static string? Find(string text, string figure)
    {
        var tokens = new SentenceTokens();
        tokens.Load(text, new TextSpan(0, text.Length));
        var at = text.IndexOf(figure, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{figure}' is not in the sentence");
        var first = tokens.FirstTokenOverlapping(at, at + figure.Length);
        var end = tokens.EndTokenOverlapping(first, at + figure.Length);
        return SourceAgencies.Find(tokens, first, end);
    }
}
