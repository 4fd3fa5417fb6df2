using NeuroLake.Engine.Tables.Types;

namespace NeuroLake.Web.Components.Shared;

/// <summary>
/// The workbench shows types in DuckDB's vocabulary (VARCHAR, BIGINT, DECIMAL(10,2), INTEGER[] …), the language the
/// SQL editor speaks. The catalog and schema history record Delta's names (<c>string</c>, <c>long</c>,
/// <c>array&lt;integer&gt;</c>, <c>struct&lt;a:long&gt;</c>); this turns them into DuckDB's, in one place.
/// </summary>
public static class DuckDbTypeName
{
    /// <summary>DuckDB's name for a Delta type text; text that is not a Delta type (already DuckDB's, or unknown) is returned as it is.</summary>
    public static string Of(string? deltaType)
    {
        if (string.IsNullOrWhiteSpace(deltaType))
        {
            return deltaType ?? "";
        }

        try
        {
            var reader = new Reader(deltaType);
            var type = reader.Type();
            return reader.AtEnd ? DuckDbTypes.ToDuckDb(type) : deltaType;
        }
        catch (Exception e) when (e is FormatException or NeuroLake.Engine.Tables.Errors.InvalidTableOperationException)
        {
            return deltaType;
        }
    }

    /// <summary>Spark's simple type text, as <c>DeltaColumns</c> writes it.</summary>
    private sealed class Reader(string text)
    {
        private static readonly HashSet<string> Primitives = new(StringComparer.Ordinal)
        {
            "string", "long", "integer", "short", "byte", "float", "double", "boolean", "binary", "date", "timestamp", "timestamp_ntz", "void",
        };

        private int _pos;

        public bool AtEnd => _pos == text.Length;

        public DeltaType Type()
        {
            var name = Word();
            switch (name)
            {
                case "array":
                    Expect('<');
                    var element = Type();
                    Expect('>');
                    return new ArrayType(element, true);
                case "map":
                    Expect('<');
                    var key = Type();
                    Expect(',');
                    var value = Type();
                    Expect('>');
                    return new MapType(key, value, true);
                case "struct":
                    Expect('<');
                    var fields = new List<StructField>();
                    do
                    {
                        var field = Word();
                        Expect(':');
                        fields.Add(new StructField(field, Type()));
                    }
                    while (TryTake(','));

                    Expect('>');
                    return new StructType(fields);
                case "decimal":
                    Expect('(');
                    var precision = int.Parse(Word(), System.Globalization.CultureInfo.InvariantCulture);
                    Expect(',');
                    var scale = int.Parse(Word(), System.Globalization.CultureInfo.InvariantCulture);
                    Expect(')');
                    return new DecimalType(precision, scale);
                default:
                    return Primitives.Contains(name) ? new PrimitiveType(name) : throw new FormatException($"'{name}' is not a Delta type");
            }
        }

        private string Word()
        {
            var start = _pos;
            while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] == '_'))
            {
                _pos++;
            }

            return start == _pos ? throw new FormatException($"expected a name at {start}") : text[start.._pos];
        }

        private bool TryTake(char c)
        {
            if (_pos < text.Length && text[_pos] == c)
            {
                _pos++;
                return true;
            }

            return false;
        }

        private void Expect(char c)
        {
            if (!TryTake(c))
            {
                throw new FormatException($"expected '{c}' at {_pos}");
            }
        }
    }
}
