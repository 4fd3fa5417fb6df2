namespace NeuroLake.Engine.Tables.Actions;

/// <summary>A deletion vector reference on an add/remove. Only carried (for keys); tables that use them are refused.</summary>
public sealed record DeletionVectorDescriptor(string StorageType, string PathOrInlineDv, int? Offset, int SizeInBytes, long Cardinality)
{
    public string UniqueId => Offset is { } offset ? $"{StorageType}{PathOrInlineDv}@{offset}" : $"{StorageType}{PathOrInlineDv}";
}
