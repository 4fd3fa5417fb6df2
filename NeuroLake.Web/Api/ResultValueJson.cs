using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Web.Api;

/// <summary>
/// Writes a result value (the CLR form the DuckDB binding reads) as JSON. Integers and decimals of any width are
/// JSON numbers with their exact digits (HUGEINT and DECIMAL(38,s) included: clients needing every digit must parse
/// numbers as big numbers, since JavaScript's JSON.parse keeps 53 bits); NaN and infinities are the strings
/// <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>; dates, times and timestamps ISO 8601; intervals ISO 8601
/// durations with signed parts; BLOB base64; UUID text; LIST/ARRAY arrays; STRUCT objects; MAP objects keyed by the
/// key's text.
/// </summary>
public static class ResultValueJson
{
    /// <summary>
    /// Writer options for results: characters such as <c>+</c> and <c>&lt;</c> are written as themselves, since results
    /// are served as application/json and never embedded in HTML.
    /// </summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case sbyte or short or int or long:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case byte or ushort or uint or ulong:
                writer.WriteNumberValue(Convert.ToUInt64(value, CultureInfo.InvariantCulture));
                break;
            case Int128 or UInt128 or DuckDbDecimal:
                writer.WriteRawValue(Convert.ToString(value, CultureInfo.InvariantCulture)!, skipInputValidation: true);
                break;
            case decimal d:
                writer.WriteNumberValue(d);
                break;
            case double d when double.IsFinite(d):
                writer.WriteNumberValue(d);
                break;
            case float f when float.IsFinite(f):
                writer.WriteNumberValue(f);
                break;
            case byte[] bytes:
                writer.WriteBase64StringValue(bytes);
                break;
            case List<object?> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case Dictionary<string, object?> structValue:
                writer.WriteStartObject();
                foreach (var (name, field) in structValue)
                {
                    writer.WritePropertyName(name);
                    Write(writer, field);
                }

                writer.WriteEndObject();
                break;
            case Dictionary<object, object?> map:
                writer.WriteStartObject();
                foreach (var (key, entry) in map)
                {
                    writer.WritePropertyName(ResultValueText.Format(key));
                    Write(writer, entry);
                }

                writer.WriteEndObject();
                break;
            default:
                writer.WriteStringValue(ResultValueText.Format(value));
                break;
        }
    }
}
