using System.Globalization;
using System.Text.Json.Nodes;
using NeuroLake.Engine.Tables.Actions;
using NeuroLake.Engine.Tables.Types;

namespace NeuroLake.Engine.Tables.Operations.Skipping;

/// <summary>
/// Decides, from a file's partition values and min/max/null-count statistics, whether it may hold rows matching a
/// predicate. Conservative: whenever the predicate, the column type or the statistics are outside what it
/// understands, the file may match. Numbers, strings, dates and booleans (partition values only) are compared.
/// </summary>
internal sealed class FileSkipping
{
    private readonly SkippingPredicate? _predicate;
    private readonly StructType _schema;
    private readonly HashSet<string> _partitionColumns;

    public FileSkipping(string? predicate, StructType schema, IReadOnlyList<string> partitionColumns)
    {
        _predicate = predicate is null ? null : SkippingParser.TryParse(predicate);
        _schema = schema;
        _partitionColumns = new HashSet<string>(partitionColumns, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>True when the predicate is understood, so files can be skipped at all.</summary>
    public bool CanSkip => _predicate is not null;

    public bool MayMatch(AddFile file) => _predicate is null || MayMatch(_predicate, new FileFacts(file, _partitionColumns));

    private bool MayMatch(SkippingPredicate predicate, FileFacts facts) => predicate switch
    {
        AndPredicate and => MayMatch(and.Left, facts) && MayMatch(and.Right, facts),
        OrPredicate or => MayMatch(or.Left, facts) || MayMatch(or.Right, facts),
        NullPredicate n => MayBeNull(n, facts),
        ComparePredicate c => MayCompare(c.Column, c.Op, c.Value, facts),
        InPredicate i => i.Values.Any(v => MayCompare(i.Column, "=", v, facts)),
        _ => true,
    };

    private bool MayBeNull(NullPredicate predicate, FileFacts facts)
    {
        if (_schema.Find(predicate.Column) is not { } field)
        {
            return true;
        }

        var (nulls, rows) = facts.NullCount(field.Name);
        if (nulls is null)
        {
            return true;
        }

        return predicate.Negated ? rows is null || nulls < rows : nulls > 0;
    }

    private bool MayCompare(string column, string op, Literal literal, FileFacts facts)
    {
        if (_schema.Find(column) is not { } field)
        {
            return true;
        }

        if (literal.Kind == LiteralKind.Null)
        {
            // A comparison with NULL is never true.
            return false;
        }

        var (nulls, rows) = facts.NullCount(field.Name);
        if (nulls is not null && rows is not null && nulls == rows)
        {
            return false;
        }

        var value = Value(field.Type, literal.Kind, literal.Text);
        var (min, max) = facts.Bounds(field.Name);
        var low = min is null ? null : Value(field.Type, LiteralKind.String, min);
        var high = max is null ? null : Value(field.Type, LiteralKind.String, max);
        if (value is null)
        {
            return true;
        }

        int? Cmp(IComparable? bound) => bound is null ? null : bound.CompareTo(value);
        var lowCmp = Cmp(low);
        var highCmp = Cmp(high);
        return op switch
        {
            "=" => !(lowCmp > 0 || highCmp < 0),
            "<" => !(lowCmp >= 0),
            "<=" => !(lowCmp > 0),
            ">" => !(highCmp <= 0),
            ">=" => !(highCmp < 0),
            "<>" => !(lowCmp == 0 && highCmp == 0 && nulls is not null),
            _ => true,
        };
    }

    /// <summary>A comparable value of the column's type, or null when the type or text is not understood.</summary>
    private static IComparable? Value(DeltaType type, LiteralKind kind, string? text)
    {
        if (text is null)
        {
            return null;
        }

        switch (type)
        {
            case PrimitiveType { Name: "long" or "integer" or "short" or "byte" or "double" } or DecimalType when kind is LiteralKind.Number or LiteralKind.String:
                return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;
            case PrimitiveType { Name: "string" } when kind == LiteralKind.String:
                return new OrdinalString(text);
            case PrimitiveType { Name: "date" } when kind is LiteralKind.String or LiteralKind.Date:
                return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
            case PrimitiveType { Name: "boolean" } when kind is LiteralKind.Boolean or LiteralKind.String:
                return bool.TryParse(text, out var flag) ? flag : null;
            default:
                return null;
        }
    }

    private sealed record OrdinalString(string Text) : IComparable
    {
        public int CompareTo(object? obj) => string.CompareOrdinal(Text, ((OrdinalString)obj!).Text);
    }

    /// <summary>What one file says about a column: exact partition values, or its statistics.</summary>
    private sealed class FileFacts
    {
        private readonly AddFile _file;
        private readonly HashSet<string> _partitionColumns;
        private readonly JsonNode? _stats;

        public FileFacts(AddFile file, HashSet<string> partitionColumns)
        {
            _file = file;
            _partitionColumns = partitionColumns;
            try
            {
                _stats = file.Stats is null ? null : JsonNode.Parse(file.Stats);
            }
            catch (System.Text.Json.JsonException)
            {
                _stats = null;
            }
        }

        private long? Rows => _stats?["numRecords"] is JsonValue v && v.TryGetValue<long>(out var n) ? n : null;

        public (long? Nulls, long? Rows) NullCount(string column)
        {
            if (_partitionColumns.Contains(column))
            {
                return string.IsNullOrEmpty(Partition(column)) ? (Rows ?? 1, Rows ?? 1) : (0, Rows);
            }

            return (Find(_stats?["nullCount"], column) is JsonValue v && v.TryGetValue<long>(out var n) ? n : null, Rows);
        }

        public (string? Min, string? Max) Bounds(string column)
        {
            if (_partitionColumns.Contains(column))
            {
                var value = Partition(column);
                return string.IsNullOrEmpty(value) ? (null, null) : (value, value);
            }

            return (Text(Find(_stats?["minValues"], column)), Text(Find(_stats?["maxValues"], column)));
        }

        private string? Partition(string column) =>
            _file.PartitionValues.FirstOrDefault(kv => string.Equals(kv.Key, column, StringComparison.OrdinalIgnoreCase)).Value;

        private static JsonNode? Find(JsonNode? map, string column) =>
            map is JsonObject obj ? obj.FirstOrDefault(kv => string.Equals(kv.Key, column, StringComparison.OrdinalIgnoreCase)).Value : null;

        private static string? Text(JsonNode? node) => node switch
        {
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonValue v => v.ToJsonString(),
            _ => null,
        };
    }
}
