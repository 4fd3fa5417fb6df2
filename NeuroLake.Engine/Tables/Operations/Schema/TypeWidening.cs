using System.Text.Json.Nodes;
using NeuroLake.Engine.Tables.Actions;
using NeuroLake.Engine.Tables.Types;

namespace NeuroLake.Engine.Tables.Operations.Schema;

/// <summary>
/// Delta's type widening: byte→short→integer→long, float→double, decimal precision up (scale not down, integral
/// digits not fewer). Widening a column enables the <c>typeWidening</c> reader/writer feature and records the change
/// in the field's <c>delta.typeChanges</c> metadata, so other readers know older files hold the narrower type.
/// </summary>
internal static class TypeWidening
{
    public const string Feature = "typeWidening";
    public const string EnableProperty = "delta.enableTypeWidening";
    private const string TypeChangesKey = "delta.typeChanges";

    private static readonly string[] Integers = ["byte", "short", "integer", "long"];

    public static bool IsWidening(DeltaType from, DeltaType to) => (from, to) switch
    {
        (PrimitiveType f, PrimitiveType t) when Array.IndexOf(Integers, f.Name) >= 0 && Array.IndexOf(Integers, t.Name) >= 0 =>
            Array.IndexOf(Integers, f.Name) < Array.IndexOf(Integers, t.Name),
        (PrimitiveType { Name: "float" }, PrimitiveType { Name: "double" }) => true,
        (DecimalType f, DecimalType t) => t.Precision >= f.Precision && t.Scale >= f.Scale && t.Precision - t.Scale >= f.Precision - f.Scale && !f.Equals(t),
        _ => false,
    };

    /// <summary>The field with its new type and the change appended to its <c>delta.typeChanges</c>.</summary>
    public static StructField Widen(StructField field, DeltaType to)
    {
        var metadata = field.Metadata?.DeepClone().AsObject() ?? new JsonObject();
        var changes = metadata[TypeChangesKey] as JsonArray ?? new JsonArray();
        changes.Add(new JsonObject { ["fromType"] = TypeName(field.Type), ["toType"] = TypeName(to) });
        metadata[TypeChangesKey] = changes;
        return field with { Type = to, Metadata = metadata };
    }

    private static string TypeName(DeltaType type) => type.ToString()!;

    /// <summary>The protocol with the typeWidening feature (reader 3 / writer 7), or null when it has it already.</summary>
    public static ProtocolAction? Enable(ProtocolAction protocol)
    {
        if (protocol.MinReaderVersion >= 3 && protocol.ReaderFeatures?.Contains(Feature) == true && protocol.SupportsWriterFeature(Feature))
        {
            return null;
        }

        var readerFeatures = (protocol.MinReaderVersion >= 3 ? protocol.ReaderFeatures ?? [] : []).Append(Feature).Distinct().ToList();
        // Features a legacy writer version implied stay enabled when moving to explicit feature lists.
        IEnumerable<string> implied = protocol.MinWriterVersion >= 7 ? protocol.WriterFeatures ?? [] : protocol.MinWriterVersion >= 2 ? ["appendOnly"] : [];
        var writerFeatures = implied.Append(Feature).Distinct().ToList();
        return new ProtocolAction(3, 7, readerFeatures, writerFeatures);
    }
}
