using System.Globalization;

namespace NeuroLake.Engine.Ingestion.Pii;

/// <summary>A column judged to hold personal data.</summary>
/// <param name="Column">Column name.</param>
/// <param name="Type">What it holds.</param>
/// <param name="Confidence">0..1: 0.85 × the share of sampled values that validate, plus 0.15 for a name hint (free text: 0.6 + 0.4 × the share of values containing PII).</param>
/// <param name="MatchShare">Share of sampled non-null values that validate (free text: that contain a validated value).</param>
/// <param name="NameHint">True when the column name suggests the type.</param>
/// <param name="SampledValues">Non-null values looked at.</param>
/// <param name="ContainedTypes">For free text, the kinds of PII found inside it; otherwise just <paramref name="Type"/>.</param>
/// <param name="Detail">What matched, when the type alone does not say (the national ID scheme, the vocabulary, the paired column).</param>
public sealed record PiiFinding(
    string Column,
    SemanticType Type,
    double Confidence,
    double MatchShare,
    bool NameHint,
    int SampledValues,
    IReadOnlyList<SemanticType> ContainedTypes,
    string? Detail = null)
{
    /// <summary>The semantic type as stored in the catalog (snake case, e.g. credit_card).</summary>
    public string SemanticName => SemanticTypeNames.Stored(Type);

    /// <summary>Why, in words, for the column's classification evidence.</summary>
    public string Evidence =>
        string.Create(CultureInfo.InvariantCulture, $"{100 * MatchShare:F0}% of {SampledValues} sampled values validate as {SemanticName}") +
        (Detail is null ? "" : $" ({Detail})") +
        (NameHint ? "; the column name suggests it" : "") +
        (Type == SemanticType.FreeTextWithPii ? $"; contains {string.Join(", ", ContainedTypes)}" : "");
}

/// <summary>Sampling and flagging thresholds.</summary>
/// <param name="SampleRows">Rows sampled (reservoir, repeatable) from the relation.</param>
/// <param name="Threshold">A column is flagged when its confidence reaches this.</param>
public sealed record PiiOptions(int SampleRows = 1000, double Threshold = 0.6);
