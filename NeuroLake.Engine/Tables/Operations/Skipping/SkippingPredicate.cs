namespace NeuroLake.Engine.Tables.Operations.Skipping;

/// <summary>The small predicate language file skipping understands: column-versus-literal tests under AND/OR.</summary>
internal abstract record SkippingPredicate;

internal sealed record AndPredicate(SkippingPredicate Left, SkippingPredicate Right) : SkippingPredicate;

internal sealed record OrPredicate(SkippingPredicate Left, SkippingPredicate Right) : SkippingPredicate;

/// <summary><c>column op literal</c> with op one of = &lt;&gt; &lt; &lt;= &gt; &gt;= (literal null: SQL NULL).</summary>
internal sealed record ComparePredicate(string Column, string Op, Literal Value) : SkippingPredicate;

internal sealed record InPredicate(string Column, IReadOnlyList<Literal> Values) : SkippingPredicate;

internal sealed record NullPredicate(string Column, bool Negated) : SkippingPredicate;

/// <summary>A SQL literal: a number or string as written, a boolean, or NULL (<see cref="Text"/> null).</summary>
internal sealed record Literal(LiteralKind Kind, string? Text);

internal enum LiteralKind
{
    Null,
    Number,
    String,
    Boolean,
    Date,
}
