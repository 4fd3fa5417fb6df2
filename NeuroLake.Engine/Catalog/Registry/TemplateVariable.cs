namespace NeuroLake.Engine.Catalog.Registry;

/// <summary>What a template variable holds, which decides how its value is checked and written into SQL.</summary>
public enum TemplateVariableKind
{
    /// <summary>A name or dotted name (<c>sales.orders</c>); each part validated and double-quoted.</summary>
    Identifier,

    /// <summary>A list of names (array or comma-separated text); each validated, quoted, joined with commas.</summary>
    IdentifierList,

    /// <summary>Text, written as a SQL string literal with quotes doubled.</summary>
    String,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A decimal number (invariant culture).</summary>
    Decimal,

    /// <summary>TRUE or FALSE.</summary>
    Boolean,
}

/// <summary>A typed variable of a SQL template, used in the SQL as <c>{{name}}</c>.</summary>
public sealed record TemplateVariable(string Name, TemplateVariableKind Kind, string Description = "");
