using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace NeuroLake.Web.Api.UnityCatalog;

/// <summary>
/// One page of a name-ordered listing, as the spec pages: <c>max_results</c> (absent or 0: the server's page length;
/// above it: the server's; negative: refused) and an opaque <c>page_token</c> that carries the last name returned, so
/// a page stays right when names are added or removed between requests.
/// </summary>
internal sealed record UnityCatalogPage(int Size, string? After)
{
    /// <summary>
    /// The server's page length. The spec caps max_results at 1000 (50 for tables); a larger page for tables is served
    /// rather than refused, since clients that do not follow next_page_token then still see every table of a schema.
    /// </summary>
    public const int ServerSize = 1000;

    private const string TokenPrefix = "after:";

    public static UnityCatalogPage Parse(string? maxResults, string? pageToken)
    {
        var size = ServerSize;
        if (!string.IsNullOrEmpty(maxResults))
        {
            if (!int.TryParse(maxResults, NumberStyles.Integer, CultureInfo.InvariantCulture, out var asked) || asked < 0)
            {
                throw UnityCatalogException.InvalidArgument($"max_results '{maxResults}' is not valid: give a whole number of at least 0 (0 means the server's page length).");
            }

            size = asked == 0 ? ServerSize : Math.Min(asked, ServerSize);
        }

        return new UnityCatalogPage(size, string.IsNullOrEmpty(pageToken) ? null : NameIn(pageToken));
    }

    /// <summary>The page of <paramref name="items"/> (any order) after the token, by name, and the next page's token when more follow.</summary>
    public (IReadOnlyList<T> Items, string? NextPageToken) Of<T>(IEnumerable<T> items, Func<T, string> name)
    {
        var rest = items.Where(i => After is null || string.CompareOrdinal(name(i), After) > 0).OrderBy(name, StringComparer.Ordinal).ToList();
        var page = rest.Take(Size).ToList();
        return (page, rest.Count > page.Count ? TokenAfter(name(page[^1])) : null);
    }

    private static string TokenAfter(string name) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(TokenPrefix + name));

    private static string NameIn(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            if (text.StartsWith(TokenPrefix, StringComparison.Ordinal))
            {
                return text[TokenPrefix.Length..];
            }
        }
        catch (FormatException)
        {
            // Falls through to the refusal: the token did not come from this server.
        }

        throw UnityCatalogException.InvalidArgument("page_token is not a token this server gave: pass next_page_token from the previous page unchanged, or leave it out for the first page.");
    }
}
