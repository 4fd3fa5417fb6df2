namespace NeuroLake.Engine.Ingestion.Pii.NationalIds;

/// <summary>An ID as written, upper-cased with the separators people type (spaces, dots, dashes, slashes) removed.</summary>
internal static class NationalIdText
{
    public static string Compact(string value)
    {
        Span<char> buffer = stackalloc char[Math.Min(value.Length, 64)];
        var length = 0;
        foreach (var c in value.AsSpan().Trim())
        {
            if (c is ' ' or '.' or '-' or '/')
            {
                continue;
            }
            if (length == buffer.Length)
            {
                return "";
            }
            buffer[length++] = char.ToUpperInvariant(c);
        }
        return new string(buffer[..length]);
    }

    public static bool AllDigits(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExceptInRange('0', '9');
}
