using GeoSituation.Core.Displacement;

namespace GeoSituation.Core.Tests.Displacement;

/// <summary>
/// A second set of sentences, written after the extraction rules were settled on <see cref="DisplacementCorpus"/>
/// and measured before any rule was changed for them: an estimate of accuracy on wording the rules were not
/// written for. Same conventions as <see cref="DisplacementCorpus"/>; none is copied from a real report.
/// </summary>
public static class HeldOutCorpus
{
    private const DisplacementDirection At = DisplacementDirection.At;
    private const DisplacementDirection From = DisplacementDirection.From;

    public static readonly CorpusCase[] Cases =
    [
        new("H01", "According to IOM, roughly 2.4 million people remain internally displaced across Darfur.",
            [new(2_400_000, 2_400_000, 2_400_000, "approximately", "Darfur", At)]),
        new("H02", "Some 80,000 residents have fled Deir al-Balah in the last three days, the UN said.",
            [new(80_000, 80_000, 80_000, "some", "Deir al-Balah", From)]),
        new("H03", "Local authorities said at least 7,000 people had been evacuated from villages near Kherson.",
            [new(7_000, 7_000, null, "at least", "Kherson", From)]),
        new("H04", "The fighting has pushed more than 150,000 people into Port Sudan since April.",
            [new(150_000, 150_000, null, "more than", "Port Sudan", At)]),
        new("H05", "An estimated 600,000 people have sought safety in Rafah over the past two weeks.",
            [new(600_000, 600_000, 600_000, "approximately", "Rafah", At)]),
        new("H06", "Nearly half a million Palestinians are now living in tents along the coast in Deir al-Balah.",
            [new(500_000, null, 500_000, "nearly", "Deir al-Balah", At)]),
        new("H07", "UNHCR registered 12,500 new arrivals in Chad last week, most of them women and children fleeing El Geneina.",
            [new(12_500, 12_500, 12_500, null, "Chad", At, AsOf: "2024-02-06")]),
        new("H08", "Over 1 million people have been forced to leave their homes in Khartoum.",
            [new(1_000_000, 1_000_000, null, "over", "Khartoum", From)]),
        new("H09", "Israeli strikes on Rafah overnight killed 14 people, including six children.", []),
        new("H10", "A total of 3,200 families have been relocated to the new camp near Goma.", []),
        new("H11", "The ministry said 4,500 people were wounded in the attacks on Kharkiv.", []),
        new("H12", "UNICEF estimates that 600,000 children are sheltering in Rafah.",
            [new(600_000, 600_000, 600_000, null, "Rafah", At)]),
        new("H13", "Displacement continues: up to 100,000 people have left northern Gaza in recent days.",
            [new(100_000, null, 100_000, "up to", "Gaza Strip", From)]),
        new("H14", "More than 5,000 Sudanese refugees crossed the border into Chad this week.",
            [new(5_000, 5_000, null, "more than", "Chad", At, AsOf: "2024-02-13")]),
        new("H15", "The number of people displaced by the floods has climbed to about 40,000, officials in Aleppo said.",
            [new(40_000, 40_000, 40_000, "about", "Aleppo", At)]),
        new("H16", "Hamas released 105 hostages during the week-long truce in November.", []),
        new("H17", "The camp, which was designed for 20,000 people, now shelters 85,000.",
            [new(85_000, 85_000, 85_000, null, null, At)]),
        new("H18", "In Kharkiv region, 23,000 people have been evacuated since May.",
            [new(23_000, 23_000, 23_000, null, "Kharkiv", From)]),
        new("H19", "Roughly 30 percent of Sudan's 48 million people need humanitarian assistance.", []),
        new("H20", "About 1,000 people a day are arriving in Rafah from the north.",
            [new(1_000, 1_000, 1_000, "about", "Rafah", At)]),
        new("H21", "The army said 40 fighters were captured in Khan Younis.", []),
        new("H22", "Nearly 300,000 people have been displaced in the Kharkiv area since the offensive began, the regional governor says.",
            [new(300_000, null, 300_000, "nearly", "Kharkiv", At)]),
        new("H23", "More than 250 trucks of aid have entered Gaza since the crossing reopened.", []),
        new("H24", "Tens of thousands have fled to Khan Younis, where many are sleeping in the streets.",
            [new(20_000, 20_000, null, null, "Khan Yunis", At)]),
        new("H25", "Aid groups say 200,000 people who fled Jabalia are now sheltering in Gaza City.",
            [new(200_000, 200_000, 200_000, null, "Gaza", At, Origin: "Jabalia")]),
        new("H26", "The UN estimates that 1.1 million people in Gaza face catastrophic hunger.", []),
        new("H27", "Evacuation orders now cover an area where 1.2 million people were living, OCHA said.", []),
        new("H28", "About 3,000 people have been displaced from Idlib to camps near the Turkish border.",
            [new(3_000, 3_000, 3_000, "about", "Idlib", From)]),
        new("H29", "Israel says it will let displaced Gazans return to the north once the war ends.", []),
        new("H30", "In all, around 1.7 million people – three quarters of the population – have been displaced.",
            [new(1_700_000, 1_700_000, 1_700_000, "approximately", null, At)]),
    ];
}
