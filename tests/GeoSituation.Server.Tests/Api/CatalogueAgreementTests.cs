using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using GeoSituation.Postgis.Export;
using GeoSituation.Postgis.Features;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GeoSituation.Server.Tests.Api;

/// <summary>
/// Walks the feature catalogue and checks, for every collection, that the database, the items, the queryables, the GML
/// schema, the CSV with its HXL row, the TileJSON and the tiles themselves name the same properties with the same types.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed partial class CatalogueAgreementTests(ServerFixture server) : IAsyncLifetime
{
    public static TheoryData<string> Collections() => [.. FeatureCatalogue.All.Select(c => c.Id)];

    // A flow, a figure and an event of its own, so no collection is empty (the seed has no flow).
    public async Task InitializeAsync()
    {
        var (status, _) = await server.PostArticleAsync(new
        {
            title = "Catalogue agreement",
            text = "About 3,000 people fled Khan Younis for Rafah on 12 February 2024, the UN said. An airstrike hit Rafah on 12 February 2024, killing 4 people.",
            published = "2024-02-13",
        });
        Assert.True(status is HttpStatusCode.Created or HttpStatusCode.OK);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Collections))]
    public async Task The_database_writes_the_catalogue_properties_with_their_types(string id)
    {
        var collection = FeatureCatalogue.Find(id)!;
        var dataSource = server.Services.GetRequiredService<NpgsqlDataSource>();
        // The view's own json: the keys of every row, and the JSON types PostgreSQL gives their values.
        await using var command = dataSource.CreateCommand(
            $"SELECT key, array_agg(DISTINCT json_typeof(value)), bool_and(json_typeof(value) <> 'number' OR value::text ~ '^-?[0-9]+$') " +
            $"FROM \"ogc_{id}\", json_each(properties) GROUP BY key");
        var stored = new Dictionary<string, (string[] Types, bool Integral)>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) stored[reader.GetString(0)] = (reader.GetFieldValue<string[]>(1), reader.GetBoolean(2));
        }
        Assert.NotEmpty(stored);
        Assert.Equal(collection.Properties.Select(p => p.Name).Order(StringComparer.Ordinal), stored.Keys.Order(StringComparer.Ordinal));
        foreach (var property in collection.Properties)
        {
            var (types, integral) = stored[property.Name];
            var expected = property.IntegerText ? "number" : property.Type is "integer" ? "number" : property.Type;
            Assert.True(types.All(t => t == "null" || t == expected), $"{id}.{property.Name}: stored as {string.Join("/", types)}, catalogue says {expected}");
            if (property.Type == "integer" || property.IntegerText) Assert.True(integral, $"{id}.{property.Name}: not every number is an integer");
        }
    }

    [Theory]
    [MemberData(nameof(Collections))]
    public async Task Items_carry_every_property_in_catalogue_order_with_its_type(string id)
    {
        var collection = FeatureCatalogue.Find(id)!;
        var features = (await server.GetJsonAsync($"/collections/{id}/items?limit=10000")).GetProperty("features").EnumerateArray().ToList();
        Assert.NotEmpty(features);
        foreach (var feature in features)
        {
            var properties = feature.GetProperty("properties").EnumerateObject().ToList();
            Assert.Equal(collection.Properties.Select(p => p.Name), properties.Select(p => p.Name));
            foreach (var (property, value) in collection.Properties.Zip(properties.Select(p => p.Value)))
            {
                if (value.ValueKind == JsonValueKind.Null) continue;
                Assert.True(Fits(property, value), $"{id}.{property.Name}: {value.GetRawText()} is not a {property.Type} {property.Format}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Collections))]
    public async Task Queryables_and_gml_schema_declare_the_catalogue_types(string id)
    {
        var collection = FeatureCatalogue.Find(id)!;
        var queryables = (await server.GetJsonAsync($"/collections/{id}/queryables")).GetProperty("properties");
        Assert.Equal(collection.Properties.Select(p => p.Name), queryables.EnumerateObject().Select(p => p.Name));
        XNamespace xs = "http://www.w3.org/2001/XMLSchema";
        var schema = XDocument.Parse(await server.Http.GetStringAsync($"/collections/{id}/schema"));
        var elements = schema.Descendants(xs + "element").Skip(1).Where(e => (string?)e.Attribute("name") != "geometry")
            .Select(e => ((string)e.Attribute("name")!, (string)e.Attribute("type")!)).ToList();
        Assert.Equal(collection.Properties.Select(p => p.Name), elements.Select(e => e.Item1));
        foreach (var property in collection.Properties)
        {
            var queryable = queryables.GetProperty(property.Name);
            Assert.Equal(property.Type, queryable.GetProperty("type").GetString());
            Assert.Equal(property.Format, queryable.TryGetProperty("format", out var format) ? format.GetString() : null);
            var xsType = (property.Type, property.Format) switch
            {
                ("integer", _) => "xs:long",
                ("number", _) => "xs:double",
                ("boolean", _) => "xs:boolean",
                ("string", "date") => "xs:date",
                ("string", "date-time") => "xs:dateTime",
                _ => "xs:string",
            };
            Assert.Equal(xsType, elements.Single(e => e.Item1 == property.Name).Item2);
        }
    }

    [Theory]
    [MemberData(nameof(Collections))]
    public async Task Csv_columns_and_hxl_tags_follow_the_catalogue(string id)
    {
        var collection = FeatureCatalogue.Find(id)!;
        var lines = (await server.Http.GetStringAsync($"/collections/{id}/items?f=csv&limit=1")).Split("\r\n");
        var expected = HxlColumns.For(collection);
        Assert.Equal(expected.Select(c => c.Header), lines[0].Split(','));
        Assert.Equal(expected.Select(c => c.Hashtag), lines[1].Split(','));
        Assert.Equal(collection.Properties.Select(p => p.Name), expected.Where(c => c.Property is not null).Select(c => c.Property));
    }

    [Theory]
    [MemberData(nameof(Collections))]
    public async Task Tilejson_fields_and_tile_properties_agree_with_the_catalogue(string id)
    {
        var collection = FeatureCatalogue.Find(id)!;
        if (id == "articles") return; // no geometry, no tiles
        var tileJson = await server.GetJsonAsync($"/tiles/{id}");
        var layer = tileJson.GetProperty("vector_layers").EnumerateArray().Single(l => l.GetProperty("id").GetString() == id);
        var fields = layer.GetProperty("fields").EnumerateObject().ToDictionary(f => f.Name, f => f.Value.GetString()!, StringComparer.Ordinal);
        foreach (var (name, type) in fields)
        {
            if (collection.FindProperty(name) is not { } property) continue; // a tile-only field (an aggregate, a signed id)
            // MVT carries 64-bit integers natively: ids served as text in GeoJSON stay numbers in tiles.
            var expected = property.IntegerText || property.Type is "integer" or "number" ? "Number" : property.Type == "boolean" ? "Boolean" : "String";
            Assert.True(expected == type, $"{id}.{name}: TileJSON says {type}, catalogue {property.Type}");
        }

        // The tiles themselves, read by GDAL from the bytes (not from metadata.json): every property is a declared field of its type.
        foreach (var tile in new[] { "0/0/0", "7/76/52", "12/2444/1685" })
        {
            var info = await GdalTool.RunAsync("ogrinfo", "-ro", "-al", "-so", "-oo", "METADATA_FILE=", $"MVT:/vsicurl/{server.BaseAddress}tiles/{id}/{tile}.pbf");
            var read = TileField().Matches(info);
            if (tile == "7/76/52") Assert.NotEmpty(read); // Gaza: every data layer has features there
            foreach (Match field in read)
            {
                var (name, gdalType) = (field.Groups[1].Value, field.Groups[2].Value);
                if (name == "mvt_id") continue;
                Assert.True(fields.TryGetValue(name, out var declared), $"{id} {tile}: property {name} is not in the TileJSON");
                var expected = declared switch { "Number" => new[] { "Integer", "Integer64", "Real", "Real(Float32)" }, "Boolean" => ["Integer(Boolean)"], _ => ["String"] };
                Assert.True(expected.Contains(gdalType), $"{id} {tile}: {name} is {gdalType} in the tile, {declared} in the TileJSON");
            }
        }
    }

    private static bool Fits(FeatureProperty property, JsonElement value) => (property.Type, property.Format) switch
    {
        ("string", _) when property.IntegerText => value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        ("string", "date") => value.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        ("string", "date-time") => value.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        ("string", _) => value.ValueKind == JsonValueKind.String,
        ("integer", _) => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        ("number", _) => value.ValueKind == JsonValueKind.Number,
        ("boolean", _) => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        _ => false,
    };

    [GeneratedRegex(@"^(\w+): (\w+(?:\(\w+\))?) \(", RegexOptions.Multiline)]
    private static partial Regex TileField();
}
