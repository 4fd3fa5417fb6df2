using System.Globalization;
using System.Text;
using NeuroLake.Engine.Tables.Errors;

namespace NeuroLake.Engine.Tables.Types;

/// <summary>Maps Delta types to DuckDB type text and back (DuckDB's type text as DESCRIBE or the reader prints it).</summary>
public static class DuckDbTypes
{
    public static string ToDuckDb(DeltaType type) => type switch
    {
        PrimitiveType { Name: "string" } => "VARCHAR",
        PrimitiveType { Name: "long" } => "BIGINT",
        PrimitiveType { Name: "integer" } => "INTEGER",
        PrimitiveType { Name: "short" } => "SMALLINT",
        PrimitiveType { Name: "byte" } => "TINYINT",
        PrimitiveType { Name: "float" } => "FLOAT",
        PrimitiveType { Name: "double" } => "DOUBLE",
        PrimitiveType { Name: "boolean" } => "BOOLEAN",
        PrimitiveType { Name: "binary" } => "BLOB",
        PrimitiveType { Name: "date" } => "DATE",
        PrimitiveType { Name: "timestamp" } => "TIMESTAMP WITH TIME ZONE",
        PrimitiveType { Name: "timestamp_ntz" } => "TIMESTAMP",
        PrimitiveType { Name: "void" } => "INTEGER",
        DecimalType d => string.Create(CultureInfo.InvariantCulture, $"DECIMAL({d.Precision},{d.Scale})"),
        ArrayType a => ToDuckDb(a.ElementType) + "[]",
        MapType m => $"MAP({ToDuckDb(m.KeyType)}, {ToDuckDb(m.ValueType)})",
        StructType s => "STRUCT(" + string.Join(", ", s.Fields.Select(f => $"{Sql.Quote(f.Name)} {ToDuckDb(f.Type)}")) + ")",
        _ => throw new InvalidTableOperationException($"The Delta type '{type}' has no DuckDB equivalent in NeuroLake yet."),
    };

    /// <summary>Parses DuckDB type text (e.g. <c>STRUCT(a INTEGER, b VARCHAR[])</c>) into the Delta type that holds it.</summary>
    public static DeltaType FromDuckDb(string duckDbType)
    {
        var parser = new Parser(duckDbType);
        var type = parser.ParseType();
        parser.ExpectEnd();
        return type;
    }

    /// <summary>True when <paramref name="type"/> (at any depth) is timestamp_ntz, which needs the timestampNtz feature.</summary>
    public static bool UsesTimestampNtz(DeltaType type) => type switch
    {
        PrimitiveType { Name: "timestamp_ntz" } => true,
        ArrayType a => UsesTimestampNtz(a.ElementType),
        MapType m => UsesTimestampNtz(m.KeyType) || UsesTimestampNtz(m.ValueType),
        StructType s => s.Fields.Any(f => UsesTimestampNtz(f.Type)),
        _ => false,
    };

    private sealed class Parser(string text)
    {
        private int _pos;

        public DeltaType ParseType()
        {
            var name = ReadWord().ToUpperInvariant();
            DeltaType type;
            switch (name)
            {
                case "STRUCT":
                    Expect('(');
                    var fields = new List<StructField>();
                    while (true)
                    {
                        var fieldName = ReadName();
                        fields.Add(new StructField(fieldName, ParseType()));
                        if (TryConsume(')'))
                        {
                            break;
                        }

                        Expect(',');
                    }

                    type = new StructType(fields);
                    break;
                case "MAP":
                    Expect('(');
                    var key = ParseType();
                    Expect(',');
                    var value = ParseType();
                    Expect(')');
                    type = new MapType(key, value, true);
                    break;
                case "DECIMAL" or "NUMERIC":
                    if (TryConsume('('))
                    {
                        var p = ReadNumber();
                        Expect(',');
                        var s = ReadNumber();
                        Expect(')');
                        type = new DecimalType(p, s);
                    }
                    else
                    {
                        type = new DecimalType(18, 3);
                    }

                    break;
                case "TIMESTAMP":
                    type = TryWords("WITH", "TIME", "ZONE") ? PrimitiveType.Timestamp : PrimitiveType.TimestampNtz;
                    break;
                default:
                    type = Primitive(name);
                    break;
            }

            while (TryConsume('['))
            {
                while (Peek() is >= '0' and <= '9')
                {
                    _pos++;
                }

                Expect(']');
                type = new ArrayType(type, true);
            }

            return type;
        }

        private DeltaType Primitive(string name) => name switch
        {
            "VARCHAR" or "UUID" or "JSON" or "ENUM" or "TEXT" or "STRING" => PrimitiveType.String,
            "BIGINT" or "UINTEGER" or "INT8" or "LONG" => PrimitiveType.Long,
            "INTEGER" or "USMALLINT" or "INT" or "INT4" => PrimitiveType.Integer,
            "SMALLINT" or "UTINYINT" or "INT2" => PrimitiveType.Short,
            "TINYINT" or "INT1" => PrimitiveType.Byte,
            "FLOAT" or "REAL" or "FLOAT4" => PrimitiveType.Float,
            "DOUBLE" or "FLOAT8" => PrimitiveType.Double,
            "BOOLEAN" or "BOOL" => PrimitiveType.Boolean,
            "BLOB" or "BYTEA" => PrimitiveType.Binary,
            "DATE" => PrimitiveType.Date,
            "TIMESTAMPTZ" => PrimitiveType.Timestamp,
            "TIMESTAMP_S" or "TIMESTAMP_MS" or "TIMESTAMP_NS" or "DATETIME" => PrimitiveType.TimestampNtz,
            "UBIGINT" => new DecimalType(20, 0),
            "HUGEINT" or "UHUGEINT" => new DecimalType(38, 0),
            "NULL" => PrimitiveType.String,
            _ => throw new InvalidTableOperationException(
                $"The DuckDB type {name} cannot be stored in a Delta table. Cast the column to a supported type (e.g. VARCHAR) in the query."),
        };

        public void ExpectEnd()
        {
            SkipSpace();
            if (_pos != text.Length)
            {
                throw new FormatException($"unexpected text after the type in '{text}'");
            }
        }

        private string ReadWord()
        {
            SkipSpace();
            var start = _pos;
            while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] == '_'))
            {
                _pos++;
            }

            if (start == _pos)
            {
                throw new FormatException($"expected a type name at position {start} of '{text}'");
            }

            return text[start.._pos];
        }

        private string ReadName()
        {
            SkipSpace();
            if (Peek() != '"')
            {
                return ReadWord();
            }

            _pos++;
            var name = new StringBuilder();
            while (true)
            {
                var c = text[_pos++];
                if (c == '"')
                {
                    if (Peek() == '"')
                    {
                        name.Append('"');
                        _pos++;
                        continue;
                    }

                    return name.ToString();
                }

                name.Append(c);
            }
        }

        private int ReadNumber() => int.Parse(ReadWord(), CultureInfo.InvariantCulture);

        private bool TryWords(params string[] words)
        {
            var save = _pos;
            foreach (var word in words)
            {
                SkipSpace();
                if (_pos >= text.Length || !char.IsLetter(text[_pos]) || !string.Equals(ReadWord(), word, StringComparison.OrdinalIgnoreCase))
                {
                    _pos = save;
                    return false;
                }
            }

            return true;
        }

        private char Peek()
        {
            SkipSpace();
            return _pos < text.Length ? text[_pos] : '\0';
        }

        private bool TryConsume(char c)
        {
            if (Peek() == c)
            {
                _pos++;
                return true;
            }

            return false;
        }

        private void Expect(char c)
        {
            if (!TryConsume(c))
            {
                throw new FormatException($"expected '{c}' at position {_pos} of '{text}'");
            }
        }

        private void SkipSpace()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
            {
                _pos++;
            }
        }
    }
}
