using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace NeuroLake.Web.Identity.Store;

/// <summary>Times as Unix milliseconds, as the catalog stores them: one column type that orders the same on SQLite and PostgreSQL.</summary>
internal sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.ToUnixTimeMilliseconds(),
    value => DateTimeOffset.FromUnixTimeMilliseconds(value));
