namespace NeuroLake.Engine.Tables.Types;

/// <summary>A Delta data type: primitive, decimal, array, map or struct (Spark's JSON schema model).</summary>
public abstract record DeltaType;

/// <summary>A primitive type by its Delta name: string, long, integer, short, byte, float, double, boolean, binary, date, timestamp, timestamp_ntz.</summary>
public sealed record PrimitiveType(string Name) : DeltaType
{
    public static readonly PrimitiveType String = new("string");
    public static readonly PrimitiveType Long = new("long");
    public static readonly PrimitiveType Integer = new("integer");
    public static readonly PrimitiveType Short = new("short");
    public static readonly PrimitiveType Byte = new("byte");
    public static readonly PrimitiveType Float = new("float");
    public static readonly PrimitiveType Double = new("double");
    public static readonly PrimitiveType Boolean = new("boolean");
    public static readonly PrimitiveType Binary = new("binary");
    public static readonly PrimitiveType Date = new("date");
    public static readonly PrimitiveType Timestamp = new("timestamp");
    public static readonly PrimitiveType TimestampNtz = new("timestamp_ntz");

    public override string ToString() => Name;
}

public sealed record DecimalType(int Precision, int Scale) : DeltaType
{
    public override string ToString() => $"decimal({Precision},{Scale})";
}

public sealed record ArrayType(DeltaType ElementType, bool ContainsNull) : DeltaType;

public sealed record MapType(DeltaType KeyType, DeltaType ValueType, bool ValueContainsNull) : DeltaType;

public sealed record StructType(IReadOnlyList<StructField> Fields) : DeltaType
{
    public StructField? Find(string name) => Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    public bool Equals(StructType? other) => other is not null && Fields.SequenceEqual(other.Fields);

    public override int GetHashCode() => Fields.Count;
}
