using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace NeuroLake.Engine.Catalog.Model;

/// <summary>
/// Times are stored as Unix milliseconds (bigint) so they compare and sort the same way on SQLite and PostgreSQL.
/// </summary>
internal sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.ToUnixTimeMilliseconds(),
    value => DateTimeOffset.FromUnixTimeMilliseconds(value));

/// <summary>Small collections are stored as JSON text, the one representation both providers share.</summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General) { Converters = { new JsonStringEnumConverter() } };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) where T : new() =>
        string.IsNullOrEmpty(json) ? new T() : JsonSerializer.Deserialize<T>(json, Options) ?? new T();

    public static ValueConverter<List<string>, string> ListConverter { get; } =
        new(value => Write(value), json => Read<List<string>>(json));

    public static ValueComparer<List<string>> ListComparer { get; } = new(
        (a, b) => a!.SequenceEqual(b!),
        value => value.Aggregate(0, (hash, item) => HashCode.Combine(hash, item.GetHashCode())),
        value => value.ToList());

    public static ValueConverter<Dictionary<string, string>, string> MapConverter { get; } =
        new(value => Write(value), json => Read<Dictionary<string, string>>(json));

    public static ValueComparer<Dictionary<string, string>> MapComparer { get; } = new(
        (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
        value => value.Aggregate(0, (hash, item) => HashCode.Combine(hash, item.Key.GetHashCode(), item.Value.GetHashCode())),
        value => new Dictionary<string, string>(value));
}
