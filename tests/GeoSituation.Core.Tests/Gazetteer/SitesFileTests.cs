using GeoSituation.Core.Gazetteer;

namespace GeoSituation.Core.Tests.Gazetteer;

public sealed class SitesFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("geosituation-sites-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(params string[] lines)
    {
        var path = Path.Combine(folder, "test.sites.tsv");
        File.WriteAllLines(path, [SitesFile.Header, .. lines]);
        return path;
    }

    [Fact]
    public void Round_trips_what_it_writes()
    {
        var path = Path.Combine(folder, "round.sites.tsv");
        GazetteerSite[] rows =
        [
            new() { Key = "sd:tawila-camp", Name = "Tawila camp", Alternates = ["Tawilah", "طويلة"], Type = SiteType.Camp, Latitude = 13.5, Longitude = 24.93, Country = "SD", PCode = "SD13802", Population = 1200, Source = "IOM DTM", Licence = "CC BY-IGO 3.0" },
            new() { Key = "sd:north-darfur", Name = "North Darfur", Type = SiteType.Admin1, SameAs = "adm1:SD.55", PCode = "SD02" },
        ];
        SitesFile.Write(path, rows);
        var read = SitesFile.Read(path);
        Assert.Equal(2, read.Count);
        Assert.Equal(rows[0] with { Line = 2 }, read[0], new SiteComparer());
        Assert.True(double.IsNaN(read[1].Latitude));
        Assert.Equal("adm1:SD.55", read[1].SameAs);
    }

    [Theory]
    [InlineData("sd:x\tX camp\t\tcamp\t113\t25\tSD", "latitude")]
    [InlineData("sd:x\tX camp\t\ttent\t13\t25\tSD", "unknown type 'tent'")]
    [InlineData("sd:x\tX camp\t\tcamp\t13\t25\tSudan", "country 'Sudan'")]
    [InlineData("sd:x\t\t\tcamp\t13\t25\tSD", "has no name")]
    [InlineData("sd:x\tX camp\t\tcamp\t13\t25\tSD\t\t\t\tmany", "population 'many'")]
    public void A_bad_row_is_an_error_naming_the_file_and_line(string row, string message)
    {
        var path = Write("# a comment", row);
        var error = Assert.Throws<InvalidDataException>(() => SitesFile.Read(path));
        Assert.Contains($"{path}:3:", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_given_twice_is_an_error()
    {
        var path = Write("sd:x\tX camp\t\tcamp\t13\t25\tSD", "sd:x\tY camp\t\tcamp\t13\t25\tSD");
        Assert.Contains("appears twice", Assert.Throws<InvalidDataException>(() => SitesFile.Read(path)).Message, StringComparison.Ordinal);
    }

    private sealed class SiteComparer : IEqualityComparer<GazetteerSite>
    {
        public bool Equals(GazetteerSite? x, GazetteerSite? y) =>
            x is not null && y is not null && x.Key == y.Key && x.Name == y.Name && x.Alternates.SequenceEqual(y.Alternates) && x.Type == y.Type
            && x.Latitude == y.Latitude && x.Longitude == y.Longitude && x.Country == y.Country && x.PCode == y.PCode
            && x.Population == y.Population && x.Source == y.Source && x.Licence == y.Licence && x.Line == y.Line;

        public int GetHashCode(GazetteerSite obj) => obj.Key.GetHashCode(StringComparison.Ordinal);
    }
}
