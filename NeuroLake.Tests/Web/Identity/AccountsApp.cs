using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace NeuroLake.Tests.Web.Identity;

/// <summary>The web app in Accounts mode (sign-in required), and browser-like form posts against it.</summary>
internal static partial class AccountsApp
{
    public const string AdminName = "ada";
    public const string AdminPassword = "Correct-horse-9";

    /// <summary>Accounts mode on SQLite (or the given catalog settings); <paramref name="withAdmin"/> creates <see cref="AdminName"/> at start.</summary>
    public static WorkbenchAppFactory Create(bool withAdmin, IReadOnlyDictionary<string, string>? catalog = null)
    {
        var settings = new Dictionary<string, string> { ["NeuroLake:Auth:Mode"] = "Accounts" };
        if (withAdmin)
        {
            settings["NeuroLake:Admin:UserName"] = AdminName;
            settings["NeuroLake:Admin:Password"] = AdminPassword;
        }

        foreach (var (key, value) in catalog ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return new WorkbenchAppFactory(settings);
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see where they point.</summary>
    public static HttpClient Browser(this WorkbenchAppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>
    /// Loads <paramref name="page"/>, then posts its form (hidden fields, antiforgery token and all) with <paramref name="fields"/>
    /// filled in, to <paramref name="action"/> (default the page itself).
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string page, IReadOnlyDictionary<string, string> fields, string? action = null)
    {
        var html = await client.GetStringAsync(page);
        var form = new Dictionary<string, string>();
        foreach (Match hidden in HiddenInput().Matches(html))
        {
            form[hidden.Groups["name"].Value] = System.Net.WebUtility.HtmlDecode(hidden.Groups["value"].Value);
        }

        foreach (var (name, value) in fields)
        {
            form[name] = value;
        }

        return await client.PostAsync(action ?? page, new FormUrlEncodedContent(form));
    }

    /// <summary>Signs in through the sign-in page; the response (a redirect on success).</summary>
    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string userName, string password, string page = "/account/signin") =>
        client.SubmitAsync(page, new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = password });

    /// <summary>Where a redirect points: the path and query on this site, or the whole address when it leaves the site.</summary>
    public static string? Target(this HttpResponseMessage response) =>
        response.Headers.Location is not { } location ? null
        : !location.IsAbsoluteUri ? location.OriginalString
        : location.Host == "localhost" ? location.PathAndQuery
        : location.ToString();

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)"\s*/?>""")]
    private static partial Regex HiddenInput();
}
