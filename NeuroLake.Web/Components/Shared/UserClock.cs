namespace NeuroLake.Web.Components.Shared;

/// <summary>
/// The browser's time zone for this circuit, so every time on every page is shown the same way: ISO 8601 date
/// and time in the user's zone with its offset. Until the browser has told us (first interactive render of the
/// layout), and during prerendering, times are shown in UTC, which the offset makes explicit.
/// </summary>
public sealed class UserClock
{
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>Raised when the zone changes, so visible times re-render.</summary>
    public event Action? Changed;

    /// <summary>Takes the IANA zone name the browser reports; an unknown name keeps UTC.</summary>
    public void Use(string? ianaZone)
    {
        if (string.IsNullOrWhiteSpace(ianaZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(ianaZone, out var zone) || zone.Id == Zone.Id)
        {
            return;
        }

        Zone = zone;
        Changed?.Invoke();
    }

    public DateTimeOffset ToLocal(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, Zone);

    /// <summary><c>2026-12-06 14:05:09 +01:00</c> (or without seconds): ISO 8601 with a space, and the offset always shown.</summary>
    public string Format(DateTimeOffset value, bool seconds = true) =>
        ToLocal(value).ToString(seconds ? "yyyy-MM-dd HH:mm:ss zzz" : "yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture);
}
