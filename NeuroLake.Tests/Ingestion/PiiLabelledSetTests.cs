using System.Globalization;
using NeuroLake.Engine.Ingestion.Pii;
using NeuroLake.Tests.Ingestion.PiiEvaluation;
using Xunit.Abstractions;

namespace NeuroLake.Tests.Ingestion;

public sealed class PiiLabelledSetTests(ITestOutputHelper output)
{
    private const double Goal = 0.95;

    [Fact]
    public void Every_kind_reaches_the_precision_and_recall_goal_on_the_labelled_set()
    {
        var columns = PiiLabelledSet.Generate();
        var today = new DateOnly(2026, 11, 22);
        var predictions = new List<(LabelledColumn Column, SemanticType? Found)>();
        // Columns of one table are classified together, as ingestion does, so a latitude sees its longitude.
        foreach (var table in columns.Select((c, i) => (Column: c, Key: c.Table is { } t ? $"t{t}" : $"c{i}")).GroupBy(c => c.Key))
        {
            var found = PiiDetector.ClassifyTable(table.Select(c => new ColumnSample(c.Column.Name, c.Column.Type, [.. c.Column.Values])).ToList(), today)
                .Where(f => f.Confidence >= 0.6).ToDictionary(f => f.Column, f => f.Type);
            predictions.AddRange(table.Select(c => (c.Column, found.TryGetValue(c.Column.Name, out var type) ? type : (SemanticType?)null)));
        }

        Assert.True(columns.Count >= 2000, $"The labelled set has {columns.Count} columns; the goal is measured on at least 2,000.");
        output.WriteLine($"{columns.Count} labelled columns ({columns.Count(c => c.Truth is not null)} holding PII)");
        output.WriteLine("type                   precision  recall   (tp/fp/fn)");
        var misses = new List<string>();
        foreach (var type in PiiLabelledSet.Hints.Keys)
        {
            var tp = predictions.Count(p => p.Column.Truth == type && p.Found == type);
            var fp = predictions.Count(p => p.Column.Truth != type && p.Found == type);
            var fn = predictions.Count(p => p.Column.Truth == type && p.Found != type);
            var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
            var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{type,-22} {precision,9:F3}  {recall,6:F3}   ({tp}/{fp}/{fn})"));
            if (precision < Goal || recall < Goal)
            {
                misses.Add(string.Create(CultureInfo.InvariantCulture, $"{type}: precision {precision:F3}, recall {recall:F3}"));
            }
        }

        foreach (var wrong in predictions.Where(p => p.Found != p.Column.Truth).Take(40))
        {
            output.WriteLine($"  {wrong.Column.Case} '{wrong.Column.Name}' taken as {wrong.Found?.ToString() ?? "no PII"}: {string.Join(" | ", wrong.Column.Values.Take(3))}");
        }

        Assert.True(misses.Count == 0, "Below the 0.95 goal: " + string.Join("; ", misses));
    }
}
