using Microsoft.Playwright;

namespace NeuroLake.E2E;

/// <summary>
/// What a page did that it must not: Content-Security-Policy violations (recorded by an init script on every
/// document) and JavaScript dialogs (alert, confirm, prompt: what an injected script would open), which it dismisses.
/// </summary>
internal sealed class PageWatch
{
    private const string RecordViolations = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline code'} (${e.sourceFile}:${e.lineNumber})`));
        """;

    private readonly List<string> _dialogs = [];
    private readonly IPage _page;

    private PageWatch(IPage page)
    {
        _page = page;
        page.Dialog += async (_, dialog) =>
        {
            lock (_dialogs)
            {
                _dialogs.Add($"{dialog.Type}: {dialog.Message}");
            }

            await dialog.DismissAsync();
        };
    }

    public static async Task<PageWatch> StartAsync(IPage page)
    {
        await page.AddInitScriptAsync(RecordViolations);
        return new PageWatch(page);
    }

    /// <summary>Fails naming each violation the current document saw, except those <paramref name="tolerated"/> says are expected.</summary>
    public async Task AssertNoViolationsAsync(string where, Func<string, bool>? tolerated = null)
    {
        var violations = (await _page.EvaluateAsync<string[]>("() => window.__cspViolations ?? []")).Where(v => tolerated?.Invoke(v) != true).ToArray();
        Assert.True(violations.Length == 0, $"{where}: Content-Security-Policy violations:\n" + string.Join('\n', violations));
    }

    public void AssertNoDialogs()
    {
        lock (_dialogs)
        {
            Assert.True(_dialogs.Count == 0, "A script opened dialogs: " + string.Join("; ", _dialogs));
        }
    }
}
