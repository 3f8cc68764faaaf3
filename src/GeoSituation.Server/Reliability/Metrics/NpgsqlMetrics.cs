using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace GeoSituation.Server.Reliability.Metrics;

/// <summary>
/// Listens to the instruments Npgsql publishes (meter "Npgsql": connections idle/used, pool maximum, pending
/// requests, timeouts, command durations) and keeps their latest values for /metrics. Observable instruments
/// are read at scrape time; counters accumulate; histograms keep count and sum.
/// </summary>
internal sealed class NpgsqlMetrics : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<(string Instrument, string Labels), double> values = new();
    private readonly ConcurrentDictionary<string, string> kinds = new();

    public NpgsqlMetrics()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name != "Npgsql") return;
            kinds[instrument.Name] = IsAccumulating(instrument) ? "counter" : "gauge";
            l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<int>((i, m, tags, _) => Record(i, m, tags));
        listener.SetMeasurementEventCallback<long>((i, m, tags, _) => Record(i, m, tags));
        listener.SetMeasurementEventCallback<double>((i, m, tags, _) => Record(i, m, tags));
        listener.Start();
    }

    /// <summary>Reads the observable instruments now, then returns every series: (metric name, kind, labels, value).</summary>
    public IEnumerable<(string Name, string Kind, string Labels, double Value)> Snapshot()
    {
        listener.RecordObservableInstruments();
        return values.Select(v => (v.Key.Instrument, kinds.GetValueOrDefault(StripSuffix(v.Key.Instrument), "gauge"), v.Key.Labels, v.Value))
            .OrderBy(v => v.Item1, StringComparer.Ordinal).ThenBy(v => v.Item3, StringComparer.Ordinal).ToList();
    }

    private static bool IsAccumulating(Instrument instrument) => instrument is Counter<long> or Counter<int> or Counter<double>
        or ObservableCounter<long> or ObservableCounter<int> or ObservableCounter<double>;

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = PrometheusText.Labels(tags);
        switch (instrument)
        {
            case Histogram<double> or Histogram<long> or Histogram<int>:
                values.AddOrUpdate((instrument.Name + "_count", labels), 1, (_, n) => n + 1);
                values.AddOrUpdate((instrument.Name + "_sum", labels), value, (_, n) => n + value);
                kinds[instrument.Name] = "summary";
                break;
            case Counter<long> or Counter<int> or Counter<double> or UpDownCounter<long> or UpDownCounter<int> or UpDownCounter<double>:
                values.AddOrUpdate((instrument.Name, labels), value, (_, n) => n + value);
                break;
            default:
                values[(instrument.Name, labels)] = value;
                break;
        }
    }

    private static string StripSuffix(string name) =>
        name.EndsWith("_count", StringComparison.Ordinal) ? name[..^6] : name.EndsWith("_sum", StringComparison.Ordinal) ? name[..^4] : name;

    public void Dispose() => listener.Dispose();
}
