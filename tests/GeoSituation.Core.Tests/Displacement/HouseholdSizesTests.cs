using GeoSituation.Core.Displacement;

namespace GeoSituation.Core.Tests.Displacement;

/// <summary>
/// People per household, to turn "60,000 households" into people: the committed table, its default, an override
/// named by $GEOSITUATION_HOUSEHOLD_SIZES, and malformed rows that name their line.
/// </summary>
// The override test sets a process-wide environment variable; nothing else reads it.
[Collection(HouseholdSizesCollection.Name)]
public sealed class HouseholdSizesTests
{
    private static readonly string[] Required =
    [
        "PS", "SD", "SS", "TD", "CD", "MM", "BD", "HT", "UA", "LB", "SY", "SO", "AF", "PK", "IR", "ET", "KE", "YE", "LY", "TR",
        "NG", "MZ", "BF", "ML", "NE", "CF", "IQ", "UG", "RW", "BI", "EG", "JO",
    ];

    [Fact]
    public void The_committed_table_lists_every_required_country_with_a_plausible_size()
    {
        var table = HouseholdSizes.Load(CommittedFile());

        Assert.Equal(5.0, table.Default);
        foreach (var country in Required)
        {
            var size = table.For(country);
            Assert.InRange(size, 2.0, 9.0);
            Assert.Equal(Math.Round(size, 1), size);
        }
        Assert.Equal(8.0, table.For("AF"));
        Assert.Equal(2.5, table.For("UA"));
    }

    [Fact]
    public void The_shared_table_reads_geodata_and_falls_back_to_the_default()
    {
        Assert.Equal(5.1, HouseholdSizes.For("PS"));
        Assert.Equal(5.1, HouseholdSizes.For("ps"));
        Assert.Equal(5.0, HouseholdSizes.For("FR"));
        Assert.Equal(5.0, HouseholdSizes.For(null));
        Assert.Equal(5.0, HouseholdSizes.For(""));
    }

    [Fact]
    public void A_file_is_parsed_with_comments_blank_lines_and_its_own_default()
    {
        var table = Parse("#country\tsize\tsource\n# planning defaults\n\n*\t4.5\tdefault\nSD\t6.2\tan operation's registration\nps\t5.5\t\n");

        Assert.Equal(2, table.Count);
        Assert.Equal(6.2, table.For("SD"));
        Assert.Equal(5.5, table.For("PS"));
        Assert.Equal(4.5, table.For("KE"));
    }

    [Fact]
    public void A_file_without_a_default_row_uses_five()
    {
        Assert.Equal(HouseholdSizes.FallbackDefault, Parse("#country\tsize\tsource\nSD\t6.2\tx\n").For("TD"));
    }

    [Theory]
    [InlineData("SD 6.2 spaces", "line 3", "expected 'country<TAB>size<TAB>source'")]
    [InlineData("Sudan\t6.2\tx", "line 3", "'Sudan' is not an ISO 3166-1 alpha-2 code")]
    [InlineData("SD\t6,2\tx", "line 3", "'6,2' is not a household size")]
    [InlineData("SD\t0\tx", "line 3", "'0' is not a household size")]
    [InlineData("SD\tsix\tx", "line 3", "'six' is not a household size")]
    [InlineData("TD\t5.8\tx", "line 3", "'TD' is listed twice")]
    [InlineData("*\t4\tx", "line 3", "a second '*' row")]
    public void A_bad_line_stops_the_load_naming_the_file_and_line(string line, string where, string why)
    {
        var error = Assert.Throws<InvalidDataException>(() => Parse($"*\t5.0\tdefault\nTD\t5.8\tx\n{line}\n"));

        Assert.Contains($"test.tsv, {where}", error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
        Assert.Contains(line, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_names_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-household-sizes-{Guid.NewGuid():N}.tsv");

        var error = Assert.Throws<FileNotFoundException>(() => HouseholdSizes.Load(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_environment_variable_replaces_the_committed_table()
    {
        var path = Path.Combine(Path.GetTempPath(), $"household-sizes-{Guid.NewGuid():N}.tsv");
        File.WriteAllText(path, "#country\tsize\tsource\n*\t4.0\ttest default\nSD\t7.5\toperation registration\n");
        var previous = Environment.GetEnvironmentVariable(HouseholdSizes.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(HouseholdSizes.EnvironmentVariable, path);
            var table = HouseholdSizes.LoadConfigured();

            Assert.Equal(path, table.Source);
            Assert.Equal(7.5, table.For("SD"));
            Assert.Equal(4.0, table.For("PS"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(HouseholdSizes.EnvironmentVariable, previous);
            File.Delete(path);
        }
        Assert.Equal(5.9, HouseholdSizes.LoadConfigured().For("SD"));
    }

    private static HouseholdSizeTable Parse(string text) => HouseholdSizes.Parse(new StringReader(text), "test.tsv");

    private static string CommittedFile() =>
        Path.Combine(GeoSituation.Core.Gazetteer.Gazetteer.LocateGeodata(), HouseholdSizes.FileName);
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HouseholdSizesCollection
{
    public const string Name = "Household sizes (environment)";
}
