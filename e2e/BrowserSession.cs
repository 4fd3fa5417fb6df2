using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NeuroLake.E2E;

/// <summary>One browser context and page on the fixture's app, collecting console errors as it goes.</summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _consoleErrors = [];

    private BrowserSession(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_consoleErrors)
                {
                    _consoleErrors.Add(message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_consoleErrors)
            {
                _consoleErrors.Add(error);
            }
        };
    }

    public IPage Page { get; }

    /// <summary>
    /// A fresh context and page, 1280 × 800 unless <paramref name="width"/> and <paramref name="height"/> say otherwise;
    /// navigate inside the test's try block so a failed load still gets a screenshot.
    /// </summary>
    public static async Task<BrowserSession> OpenAsync(WorkbenchAppFixture app, int width = 1280, int height = 800)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return new BrowserSession(context, await context.NewPageAsync());
    }

    /// <summary>Waits until blazor.web.js has loaded and the server circuit made the page interactive.</summary>
    public async Task WaitForInteractivityAsync()
    {
        await Page.WaitForFunctionAsync("() => typeof window.Blazor === 'object'");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Check again" })).ToBeEnabledAsync();
        await Expect(Page.Locator("#components-reconnect-modal")).Not.ToBeVisibleAsync();
    }

    public void AssertNoConsoleErrors()
    {
        lock (_consoleErrors)
        {
            Assert.True(_consoleErrors.Count == 0, "The browser console reported errors:\n" + string.Join('\n', _consoleErrors));
        }
    }

    public async Task ScreenshotAsync(string fileName)
    {
        Directory.CreateDirectory(RepositoryLayout.Screenshots);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryLayout.Screenshots, fileName), FullPage = true });
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
