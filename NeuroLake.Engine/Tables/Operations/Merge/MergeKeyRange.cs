using System.Text.Json;
using System.Text.RegularExpressions;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Tables.Actions;
using NeuroLake.Engine.Tables.Operations.Skipping;
using NeuroLake.Engine.Tables.Snapshots;

namespace NeuroLake.Engine.Tables.Operations.Merge;

/// <summary>
/// For an ON condition made only of equalities <c>t.a = s.b</c> (joined by AND), a target file whose a-range lies
/// outside the source's b-range cannot hold a matched row, so the join need not read it. Only without WHEN NOT
/// MATCHED BY SOURCE clauses: those change rows no source row matches, in any file.
/// </summary>
internal static partial class MergeKeyRange
{
    public static IReadOnlyList<AddFile> CandidateFiles(DuckDbConnection connection, Snapshot snapshot, MergeSpec spec, CancellationToken ct)
    {
        if (spec.Clauses.Any(c => c is WhenNotMatchedBySourceUpdate or WhenNotMatchedBySourceDelete) || snapshot.Files.Count == 0)
        {
            return snapshot.Files;
        }

        var pairs = new List<(string Target, string Source)>();
        foreach (var conjunct in And().Split(spec.On))
        {
            var match = Equality().Match(conjunct);
            if (!match.Success)
            {
                return snapshot.Files;
            }

            var (left, right) = (match.Groups[1].Value, match.Groups[3].Value);
            var (leftCol, rightCol) = (match.Groups[2].Value, match.Groups[4].Value);
            if (Same(left, spec.TargetAlias) && Same(right, spec.SourceAlias))
            {
                pairs.Add((leftCol, rightCol));
            }
            else if (Same(left, spec.SourceAlias) && Same(right, spec.TargetAlias))
            {
                pairs.Add((rightCol, leftCol));
            }
            else
            {
                return snapshot.Files;
            }
        }

        var bounds = string.Join(", ", pairs.Select((p, i) => $"min(s.{Sql.Quote(p.Source)}) AS lo{i}, max(s.{Sql.Quote(p.Source)}) AS hi{i}"));
        var row = DuckDbRows.QueryJson(connection, $"SELECT {bounds} FROM ({spec.Source}) AS s", ct).Single();
        using var doc = JsonDocument.Parse(row);
        var predicate = string.Join(" AND ", pairs.Select((p, i) =>
            $"{Sql.Quote(p.Target)} >= {Literal(doc.RootElement.GetProperty($"lo{i}"))} AND {Sql.Quote(p.Target)} <= {Literal(doc.RootElement.GetProperty($"hi{i}"))}"));
        var skipping = new FileSkipping(predicate, snapshot.Schema, snapshot.PartitionColumns);
        return snapshot.Files.Where(skipping.MayMatch).ToList();
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    // Numbers stay numbers, text is quoted; NULL (an empty source) matches nothing, which skipping understands.
    private static string Literal(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.String => Sql.Literal(value.GetString()!),
        JsonValueKind.Null => "NULL",
        _ => "(unknown)",
    };

    [GeneratedRegex(@"\s+AND\s+", RegexOptions.IgnoreCase)]
    private static partial Regex And();

    [GeneratedRegex(@"^\s*\(?\s*([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)\s*=\s*([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)\s*\)?\s*$")]
    private static partial Regex Equality();
}
