using GeoSituation.Core.Events;

namespace GeoSituation.Core.Tests.Events;

/// <summary>Our events in ACLED's words: the codes and names an analyst merging our feed with ACLED data relies on.</summary>
public sealed class AcledCodesTests
{
    [Theory]
    [InlineData(1, 7, 17)]
    [InlineData(7, 1, 17)]
    [InlineData(2, 1, 12)]
    [InlineData(8, 8, 88)]
    [InlineData(1, null, 10)]
    [InlineData(6, null, 60)]
    [InlineData(null, 7, 70)]
    [InlineData(null, null, null)]
    public void Interaction_is_both_inter_codes_lower_first_or_one_code_times_ten(int? inter1, int? inter2, int? interaction) =>
        Assert.Equal(interaction, AcledCodes.Interaction(inter1, inter2));

    [Fact]
    public void Interaction_of_actors_reads_their_types()
    {
        var army = new EventActor("Military Forces of Israel (2022-)", ActorType.StateForces);
        var civilians = new EventActor("Civilians (Palestine)", ActorType.Civilians);
        Assert.Equal(17, AcledCodes.Interaction(army, civilians));
        Assert.Equal((short)7, AcledCodes.Inter(civilians));
        Assert.Null(AcledCodes.Inter(null));
    }

    [Theory]
    [InlineData(SituationEventType.Battles, "armed clash", "Battles", "Armed clash", "Political violence")]
    [InlineData(SituationEventType.ExplosionsRemoteViolence, "air/drone strike", "Explosions/Remote violence", "Air/drone strike", "Political violence")]
    [InlineData(SituationEventType.ExplosionsRemoteViolence, "remote explosive", "Explosions/Remote violence", "Remote explosive/landmine/IED", "Political violence")]
    [InlineData(SituationEventType.ViolenceAgainstCivilians, "abduction", "Violence against civilians", "Abduction/forced disappearance", "Political violence")]
    [InlineData(SituationEventType.Protests, "protest", "Protests", "Peaceful protest", "Demonstrations")]
    [InlineData(SituationEventType.Protests, "riot", "Riots", "Violent demonstration", "Demonstrations")]
    [InlineData(SituationEventType.Riots, "violent demonstration", "Riots", "Violent demonstration", "Demonstrations")]
    [InlineData(SituationEventType.Riots, "mob violence", "Riots", "Mob violence", "Political violence")]
    [InlineData(SituationEventType.Battles, "government regains territory", "Battles", "Government regains territory", "Political violence")]
    [InlineData(SituationEventType.ExplosionsRemoteViolence, "suicide bomb", "Explosions/Remote violence", "Suicide bomb", "Political violence")]
    [InlineData(SituationEventType.StrategicDevelopments, "non-violent transfer of territory", "Strategic developments", "Non-violent transfer of territory", "Strategic developments")]
    [InlineData(SituationEventType.StrategicDevelopments, "talks", "Strategic developments", "Agreement", "Strategic developments")]
    [InlineData(SituationEventType.StrategicDevelopments, "troop movement", "Strategic developments", "Change to group/activity", "Strategic developments")]
    [InlineData(SituationEventType.HumanitarianAccess, "aid delivery", "Strategic developments", "Other", "Strategic developments")]
    [InlineData(SituationEventType.Battles, null, "Battles", "Other", "Political violence")]
    public void Our_types_and_labels_map_to_acleds_names(SituationEventType type, string? subType, string eventType, string subEventType, string disorderType)
    {
        Assert.Equal(eventType, AcledCodes.EventType(type, subType));
        Assert.Equal(subEventType, AcledCodes.SubEventType(subType));
        Assert.Equal(disorderType, AcledCodes.DisorderType(eventType, subEventType));
    }

    [Fact]
    public void Every_event_type_has_an_acled_name() =>
        Assert.All(Enum.GetValues<SituationEventType>(), type => Assert.NotEmpty(AcledCodes.EventType(type, null)));

    [Fact]
    public void Regions_are_acleds_for_the_countries_we_see_and_empty_otherwise()
    {
        Assert.Equal("Middle East", AcledCodes.Region("PS"));
        Assert.Equal("Northern Africa", AcledCodes.Region("SD"));
        Assert.Equal("", AcledCodes.Region("FR"));
        Assert.Equal("", AcledCodes.Region(null));
    }
}
