using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Web.Identity.Store;

namespace NeuroLake.Tests.Web.Identity;

public sealed class TwoFactorSignInTests
{
    [Fact]
    public async Task With_an_authenticator_turned_on_sign_in_asks_for_the_current_code()
    {
        await using var app = AccountsApp.Create(withAdmin: true);
        using var client = app.Browser();
        await client.SignInAsync(AccountsApp.AdminName, AccountsApp.AdminPassword);
        var page = await client.GetStringAsync("/account/two-factor");
        var key = await KeyAsync(app);

        using var wrong = await client.SubmitAsync("/account/two-factor", new Dictionary<string, string> { ["Input.Code"] = "000000" == Totp(key) ? "111111" : "000000" });
        using var turnedOn = await client.SubmitAsync("/account/two-factor", new Dictionary<string, string> { ["Input.Code"] = Totp(key) });
        await client.SubmitAsync("/", new Dictionary<string, string>(), "/account/signout");
        using var password = await client.SignInAsync(AccountsApp.AdminName, AccountsApp.AdminPassword);
        using var code = await client.SubmitAsync(password.Target()!, new Dictionary<string, string> { ["Input.Code"] = Totp(key) });
        using var home = await client.GetAsync("/sql");

        Assert.Contains("otpauth://totp/NeuroLake%3Aada?secret=" + key, page);
        Assert.Contains("not the one the app shows", await wrong.Content.ReadAsStringAsync());
        Assert.Contains("On: signing in asks for a code", await turnedOn.Content.ReadAsStringAsync());
        Assert.StartsWith("/account/signin/code", password.Target());
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    private static async Task<string> KeyAsync(WorkbenchAppFactory app)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkbenchAccount>>();
        return (await users.GetAuthenticatorKeyAsync((await users.FindByNameAsync(AccountsApp.AdminName))!))!;
    }

    // RFC 6238 with the authenticator defaults (SHA-1, 30-second steps, 6 digits), as an app computes it.
    private static string Totp(string base32Key)
    {
        var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
            }
        }

        return [.. bytes];
    }
}
