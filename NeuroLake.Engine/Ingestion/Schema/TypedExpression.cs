using System.Text.RegularExpressions;

namespace NeuroLake.Engine.Ingestion.Schema;

/// <summary>The SQL expression that computes a column's value from its source value, failing to NULL.</summary>
internal static partial class TypedExpression
{
    /// <param name="raw">The source value, already quoted.</param>
    /// <param name="parse">How it is read.</param>
    /// <param name="type">The target DuckDB type.</param>
    /// <param name="sourceType">DuckDB's type of the raw value; an AsRead column of another type is cast.</param>
    public static string Parse(string raw, ParseMethod parse, string type, string sourceType) =>
        Refusal(raw, parse, type, sourceType) is { } refused
            ? $"CASE WHEN {refused} THEN NULL ELSE {Unguarded(raw, parse, type, sourceType)} END"
            : Unguarded(raw, parse, type, sourceType);

    /// <summary>
    /// <see cref="Parse"/> without its <see cref="Refusal"/>: the value for a read that drops the rows the refusal fails
    /// (<see cref="SourceSelect"/> for a load), where a CASE per value would cost a tenth of the load.
    /// </summary>
    public static string Unguarded(string raw, ParseMethod parse, string type, string sourceType)
    {
        if (IsIdentity(parse, type, sourceType))
        {
            return raw;
        }
        var target = CheckedType(type);
        return parse.Kind switch
        {
            ParseKind.AsRead or ParseKind.Cast => $"TRY_CAST({raw} AS {target})",
            ParseKind.Strptime => Strptime($"CAST({raw} AS VARCHAR)", parse.Format ?? throw MissingFormat(), target),
            ParseKind.ThousandsSeparator => $"TRY_CAST(replace(CAST({raw} AS VARCHAR), ',', '') AS {target})",
            ParseKind.JsonScalarText when target == "VARCHAR" => $"json_extract_string({raw}, '$')",
            ParseKind.JsonScalarText => $"TRY_CAST(json_extract_string({raw}, '$') AS {target})",
            _ => throw new ArgumentOutOfRangeException(nameof(parse)),
        };
    }

    /// <summary>
    /// The condition under which a source value fails although <see cref="Unguarded"/> reads it; null when there is none.
    /// Integer text with a leading zero ("0042") would lose it as a number: it fails so it is seen, not silently changed.
    /// </summary>
    public static string? Refusal(string raw, ParseMethod parse, string type, string sourceType) =>
        !IsIdentity(parse, type, sourceType) && parse.Kind is ParseKind.AsRead or ParseKind.Cast && sourceType == "VARCHAR" && IsInteger(CheckedType(type))
            ? $"starts_with({raw}, '0') AND {raw} <> '0'"
            : null;

    private static string Strptime(string text, string format, string target)
    {
        var parsed = $"TRY_CAST(try_strptime({text}, {SqlText.Literal(format)}) AS {target})";
        return IsoDateShape.CastCondition(text, format, target) is { } castable
            ? $"CASE WHEN {castable} THEN TRY_CAST({text} AS {target}) ELSE {parsed} END"
            : parsed;
    }

    /// <summary>True when the value is the source value untouched, so it can never fail to parse.</summary>
    public static bool IsIdentity(ParseMethod parse, string type, string sourceType) =>
        parse.Kind == ParseKind.AsRead && string.Equals(type, sourceType, StringComparison.OrdinalIgnoreCase);

    /// <summary>A caller-supplied type is spliced into SQL, so only type-shaped text is accepted.</summary>
    private static string CheckedType(string type) => TypeShape().IsMatch(type)
        ? type.ToUpperInvariant()
        : throw new IngestionException($"'{type}' is not a DuckDB type name: use a type such as BIGINT, DOUBLE, DECIMAL(18,2), DATE, TIMESTAMP or VARCHAR.");

    private static bool IsInteger(string type) => type is "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "HUGEINT"
        or "UTINYINT" or "USMALLINT" or "UINTEGER" or "UBIGINT" or "UHUGEINT";

    private static ArgumentException MissingFormat() => new("A strptime parse needs a format.");

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*( [A-Za-z][A-Za-z0-9_]*)*(\s*\(\s*\d+\s*(,\s*\d+\s*)?\))?(\[\])*$")]
    private static partial Regex TypeShape();
}
