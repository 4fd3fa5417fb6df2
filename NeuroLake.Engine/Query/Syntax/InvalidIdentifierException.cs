using NeuroLake.Engine.Errors;

namespace NeuroLake.Engine.Query.Syntax;

/// <summary>A schema or table name that breaks NeuroLake's naming rule.</summary>
public sealed class InvalidIdentifierException : NeuroLakeException
{
    internal InvalidIdentifierException(string? name, string what, SourceSpan? span = null)
        : base($"'{name}' is not a valid {what} name{(span is null ? "" : $" at {span}")}. Use a letter or underscore followed by letters, digits " +
               $"or underscores (at most {SqlIdentifier.MaxLength} characters), for example sales_2024.")
    {
        Name = name;
        Span = span;
    }

    /// <summary>Where the name was written, when it came from SQL text.</summary>
    public SourceSpan? Span { get; }

    public string? Name { get; }
}
