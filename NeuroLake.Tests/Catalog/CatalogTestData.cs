using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Registration;

namespace NeuroLake.Tests.Catalog;

/// <summary>Unique names and small table registrations, so tests sharing a class database never collide.</summary>
internal static class CatalogTestData
{
    public static string Unique(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    public static ColumnDescriptor Column(string name, string type = "string", bool nullable = true) => new(name, type, nullable);

    public static TableRegistration Table(string catalog, string schema, string name, long version = 0, params ColumnDescriptor[] columns) =>
        new(catalog, schema, name, $"/warehouse/{catalog}/{schema}/{name}",
            columns.Length > 0 ? columns : [Column("id", "long", nullable: false), Column("name")],
            version, SizeBytes: 1024, FileCount: 1);
}
