using GeoSituation.Postgis.Migrations;
using Npgsql;

namespace GeoSituation.Postgis.Tests;

[Collection(PostgisCollection.Name)]
public sealed class MigrationTests(PostgisFixture fixture)
{
    [Fact]
    public async Task Schema_has_every_table_and_view_with_postgis()
    {
        await using var command = fixture.DataSource.CreateCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = ANY($1)");
        string[] names = ["articles", "places", "mentions", "displacement", "events", "flows", "boundaries", "populated_places",
            "ogc_places", "ogc_mentions", "ogc_displacement", "ogc_events", "ogc_flows", "ogc_articles", "schema_migrations"];
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = names });
        Assert.Equal((long)names.Length, await command.ExecuteScalarAsync());
        await using var version = fixture.DataSource.CreateCommand("SELECT postgis_lib_version()");
        Assert.StartsWith("3.", (string)(await version.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Events_have_acled_actor_columns_and_interaction_follows_the_inter_codes()
    {
        await using var command = fixture.DataSource.CreateCommand(
            "SELECT column_name, data_type, is_generated FROM information_schema.columns WHERE table_name = 'events' AND column_name = ANY($1) ORDER BY column_name");
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = ["actor1", "actor2", "inter1", "inter2", "interaction"] });
        var columns = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) columns.Add($"{reader.GetString(0)} {reader.GetString(1)} {reader.GetString(2)}");
        Assert.Equal(["actor1 text NEVER", "actor2 text NEVER", "inter1 smallint NEVER", "inter2 smallint NEVER", "interaction smallint ALWAYS"], columns);
    }

    [Fact]
    public async Task Migrating_again_applies_nothing_even_when_two_callers_race()
    {
        var results = await Task.WhenAll(Migrator.MigrateAsync(fixture.DataSource), Migrator.MigrateAsync(fixture.DataSource));
        Assert.All(results, Assert.Empty);
        await using var command = fixture.DataSource.CreateCommand("SELECT count(*), count(DISTINCT name) FROM schema_migrations");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.True(reader.GetInt64(0) >= 2);
        Assert.Equal(reader.GetInt64(0), reader.GetInt64(1));
    }
}
