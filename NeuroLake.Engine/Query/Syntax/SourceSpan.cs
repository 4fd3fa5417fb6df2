namespace NeuroLake.Engine.Query.Syntax;

/// <summary>
/// A range of SQL text: zero-based character <see cref="Offset"/> and <see cref="Length"/>, and the
/// one-based <see cref="Line"/> and <see cref="Column"/> where it starts, for showing errors in place.
/// </summary>
public readonly record struct SourceSpan(int Offset, int Length, int Line, int Column)
{
    /// <summary>The offset just past the last character.</summary>
    public int End => Offset + Length;

    /// <summary>Whether <paramref name="offset"/> lies inside the span or at its end.</summary>
    public bool Touches(int offset) => offset >= Offset && offset <= End;

    /// <summary>The text this span covers in <paramref name="source"/>.</summary>
    public string TextIn(string source) => source.Substring(Offset, Length);

    public override string ToString() => $"line {Line}, column {Column}";
}
