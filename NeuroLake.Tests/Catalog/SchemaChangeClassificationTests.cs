using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.SchemaHistory;

namespace NeuroLake.Tests.Catalog;

/// <summary>Pure classification rules; no database involved.</summary>
public sealed class SchemaChangeClassificationTests
{
    private static readonly ColumnDescriptor Id = new("id", "long", Nullable: false);

    [Fact]
    public void Added_nullable_column_is_safe()
    {
        var change = Assert.Single(SchemaComparer.Compare([Id], [Id, new("note", "string")]));
        Assert.Equal((SchemaChangeKind.Added, ChangeSeverity.Safe), (change.Kind, change.Severity));
    }

    [Fact]
    public void Added_required_column_is_breaking()
    {
        var change = Assert.Single(SchemaComparer.Compare([Id], [Id, new("note", "string", Nullable: false)]));
        Assert.Equal((SchemaChangeKind.Added, ChangeSeverity.Breaking), (change.Kind, change.Severity));
        Assert.Contains("required", change.Reason);
    }

    [Fact]
    public void Dropped_column_is_breaking()
    {
        var change = Assert.Single(SchemaComparer.Compare([Id, new("note", "string")], [Id]));
        Assert.Equal((SchemaChangeKind.Removed, ChangeSeverity.Breaking, "note"), (change.Kind, change.Severity, change.Column));
    }

    [Theory]
    [InlineData("integer", "long")]
    [InlineData("byte", "short")]
    [InlineData("float", "double")]
    [InlineData("int", "bigint")]
    [InlineData("decimal(10,2)", "decimal(12,2)")]
    [InlineData("decimal(10,2)", "decimal(14,4)")]
    [InlineData("integer", "decimal(12,0)")]
    [InlineData("date", "timestamp_ntz")]
    public void Widened_type_is_risky_and_says_safe_for_readers(string from, string to)
    {
        var change = Assert.Single(SchemaComparer.Compare([new("v", from)], [new("v", to)]));
        Assert.Equal((SchemaChangeKind.TypeChanged, ChangeSeverity.Risky), (change.Kind, change.Severity));
        Assert.Contains("safe for readers", change.Reason);
    }

    [Theory]
    [InlineData("long", "integer")]
    [InlineData("double", "float")]
    [InlineData("decimal(12,2)", "decimal(10,2)")]
    [InlineData("decimal(10,4)", "decimal(10,2)")]
    [InlineData("string", "long")]
    [InlineData("long", "decimal(10,0)")]
    [InlineData("array<string>", "array<long>")]
    public void Narrowed_or_incompatible_type_is_breaking(string from, string to)
    {
        var change = Assert.Single(SchemaComparer.Compare([new("v", from)], [new("v", to)]));
        Assert.Equal((SchemaChangeKind.TypeChanged, ChangeSeverity.Breaking), (change.Kind, change.Severity));
    }

    [Fact]
    public void Nullable_to_required_is_breaking_and_required_to_nullable_is_risky()
    {
        var tightened = Assert.Single(SchemaComparer.Compare([new("v", "long")], [new("v", "long", Nullable: false)]));
        var loosened = Assert.Single(SchemaComparer.Compare([new("v", "long", Nullable: false)], [new("v", "long")]));
        Assert.Equal((SchemaChangeKind.NullabilityChanged, ChangeSeverity.Breaking), (tightened.Kind, tightened.Severity));
        Assert.Equal((SchemaChangeKind.NullabilityChanged, ChangeSeverity.Risky), (loosened.Kind, loosened.Severity));
    }

    [Fact]
    public void Metadata_change_is_safe_and_type_spelling_differences_are_not_changes()
    {
        var before = new ColumnDescriptor("v", "DECIMAL(10, 2)", Metadata: new Dictionary<string, string> { ["comment"] = "a" });
        var after = new ColumnDescriptor("v", "decimal(10,2)", Metadata: new Dictionary<string, string> { ["comment"] = "b" });
        var change = Assert.Single(SchemaComparer.Compare([before], [after]));
        Assert.Equal((SchemaChangeKind.MetadataChanged, ChangeSeverity.Safe), (change.Kind, change.Severity));
    }

    [Fact]
    public void Worst_severity_of_several_changes_wins()
    {
        var changes = SchemaComparer.Compare([Id, new("a", "integer")], [Id, new("a", "long"), new("b", "string")]);
        Assert.Equal(ChangeSeverity.Risky, SchemaComparer.Worst(changes));
        Assert.Equal(ChangeSeverity.Safe, SchemaComparer.Worst([]));
    }
}
