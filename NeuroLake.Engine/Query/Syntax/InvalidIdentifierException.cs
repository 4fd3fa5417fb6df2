using NeuroLake.Engine.Errors;

namespace NeuroLake.Engine.Query.Syntax;

/// <summary>A schema or table name that breaks NeuroLake's naming rule.</summary>
public sealed class InvalidIdentifierException : NeuroLakeException
{
    internal InvalidIdentifierException(string? name, string what)
        : base($"'{name}' is not a valid {what} name. Use a letter or underscore followed by letters, digits " +
               $"or underscores (at most {SqlIdentifier.MaxLength} characters), for example sales_2024.")
    {
        Name = name;
    }

    public string? Name { get; }
}
