using System.Collections.Concurrent;
using System.Net;
using GeoSituation.Server.Features;
using GeoSituation.Server.Tests.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GeoSituation.Server.Tests.Robustness;

/// <summary>
/// Issue 13, point 4: `?datetime=9999-12-31` was a 500 (AddDays(1) overflowed) on items, tiles, TileJSON and PNG
/// tiles, each logging an Error. Dates at the edges of the calendar and random spellings of the datetime grammar
/// must answer 200/204 or a 400 problem+json, and log nothing at Error.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class DatetimeFuzzTests(ServerFixture server)
{
    private static readonly string[] Edges =
    [
        "9999-12-31", "9999-12-31/..", "../9999-12-31", "0001-01-01", "0001-01-01/9999-12-31", "9999-12-31/9999-12-31",
        "9999-12-31T23:59:59Z", "9999-12-31T23:59:59.9999999Z", "9999-12-31T23:59:59-01:00", "9999-12-31T23:00:00+01:00",
        "0001-01-01T00:00:00Z", "0001-01-01T00:00:00+01:00", "0001-01-01T00:30:00-14:00", "0000-12-31", "10000-01-01",
        "-0001-01-01", "2024-02-30", "2024-13-01", "2024-00-10", "2024-02-29", "2023-02-29", "2024-02-10T24:00:00Z",
        "2024-02-10T23:59:60Z", "2024-02-10T12:00:00+99:99", "2024-02-10t12:00:00z", "9999-12-31/0001-01-01", "/", "..", "../..",
        "", "//", "9999-12-31//", "+9999-12-31", "99999999-12-31", "2024-02-10T12:00:00.99999999999999999999Z",
    ];

    [Fact]
    public async Task Datetimes_at_the_edges_of_the_calendar_and_random_spellings_never_answer_500_nor_log_an_error()
    {
        var errors = new ConcurrentQueue<string>();
        server.Services.GetRequiredService<ILoggerFactory>().AddProvider(new ErrorCapture(errors));
        var values = Edges.Concat(RandomDatetimes(new Random(13), 400)).Distinct().ToList();
        var urls = new List<string>();
        foreach (var value in values)
        {
            var q = Uri.EscapeDataString(value);
            urls.Add($"/collections/events/items?limit=1&datetime={q}");
            urls.Add($"/tiles/places/8/152/104?datetime={q}");
            urls.Add($"/tiles/places,events?datetime={q}");
        }
        // PNG rendering costs CPU: the edges only, on an empty ocean tile.
        urls.AddRange(Edges.Select(v => $"/tiles/places/8/0/0.png?datetime={Uri.EscapeDataString(v)}"));

        var failures = new ConcurrentBag<string>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await Parallel.ForEachAsync(urls, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = deadline.Token }, async (url, ct) =>
        {
            using var response = await server.Http.GetAsync(url, ct);
            var status = (int)response.StatusCode;
            var type = response.Content.Headers.ContentType?.MediaType;
            if (status >= 500 || (status is >= 400 and < 500 && type != "application/problem+json") || status is not (200 or 204 or 304 or 400))
            {
                failures.Add($"{status} {type} {url}");
            }
        });
        Assert.True(failures.IsEmpty, $"{failures.Count} of {urls.Count} answers wrong:\n{string.Join("\n", failures.Take(30))}");
        Assert.True(errors.IsEmpty, $"logged at Error:\n{string.Join("\n", errors.Take(5))}");

        // The far-future day is a day like any other: an open interval that ends at the end of time.
        Assert.True(Datetime.TryParse("9999-12-31", out var start, out var end, out _));
        Assert.Equal(new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(DateTimeOffset.MaxValue, end);
        using var items = await server.Http.GetAsync("/collections/events/items?datetime=9999-12-31");
        Assert.Equal(HttpStatusCode.OK, items.StatusCode);
        using var outside = await server.Http.GetAsync("/collections/events/items?datetime=9999-12-31T23:59:59-01:00");
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
    }

    /// <summary>Spellings built from the grammar's parts, some of them mutated by a character.</summary>
    private static IEnumerable<string> RandomDatetimes(Random random, int count)
    {
        string[] years = ["0000", "0001", "1969", "1970", "2024", "9998", "9999", "10000", "-001", "20x4", "99"];
        string[] months = ["00", "01", "02", "12", "13", "1", "99"];
        string[] days = ["00", "01", "28", "29", "30", "31", "32", "9"];
        string[] times = ["", "", "T00:00:00Z", "T23:59:59Z", "T23:59:59.9999999Z", "T24:00:00Z", "T12:00:00+14:00", "T00:00:00-14:00", "T12:00:00+23:59", "T12:00:00-23:59", "T12:00Z", "T12:00:00", " 12:00:00Z", "T12:00:00+01", "z", "T"];
        string[] opens = ["..", "", "...", " "];
        const string alphabet = "0123456789-:TZ+./ zt\u0660\uff10%";
        string Instant() => $"{years[random.Next(years.Length)]}-{months[random.Next(months.Length)]}-{days[random.Next(days.Length)]}{times[random.Next(times.Length)]}";
        for (var i = 0; i < count; i++)
        {
            var text = random.Next(4) switch
            {
                0 => Instant(),
                1 => $"{Instant()}/{Instant()}",
                2 => $"{opens[random.Next(opens.Length)]}/{Instant()}",
                _ => $"{Instant()}/{opens[random.Next(opens.Length)]}",
            };
            if (random.Next(3) == 0)
            {
                var at = random.Next(text.Length + 1);
                text = text[..at] + alphabet[random.Next(alphabet.Length)] + text[Math.Min(text.Length, at + random.Next(2))..];
            }
            yield return text;
        }
    }

    private sealed class ErrorCapture(ConcurrentQueue<string> errors) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error) errors.Enqueue($"{logLevel}: {formatter(state, exception)} {exception?.GetType().Name}");
        }

        public void Dispose()
        {
        }
    }
}
