using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Playwright;

namespace NeuroLake.E2E;

/// <summary>
/// Starts the built web app (<c>dotnet NeuroLake.Web.dll</c>) on a free loopback port with a temp data folder,
/// waits until /health/ready answers 200, and launches one Chromium shared by every test in the collection.
/// Single mode (no sign-in) unless a derived fixture asks for Accounts (<see cref="AccountsAppFixture"/>).
/// </summary>
public class WorkbenchAppFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly StringBuilder _appOutput = new();
    private readonly string _authMode;
    private Process? _app;
    private IPlaywright? _playwright;

    public WorkbenchAppFixture()
        : this("Single")
    {
    }

    /// <summary>The app with <c>NeuroLake:Auth:Mode</c> set to <paramref name="authMode"/>.</summary>
    protected WorkbenchAppFixture(string authMode) => _authMode = authMode;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "neurolake-e2e-" + Guid.NewGuid().ToString("N"));

    public Uri BaseAddress { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>What the app wrote to stdout and stderr so far, for failure messages.</summary>
    public string AppOutput
    {
        get
        {
            lock (_appOutput)
            {
                return _appOutput.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        if (!ChromiumLocation.IsInstalled)
        {
            if (ChromiumLocation.IsRequired)
            {
                throw new InvalidOperationException(ChromiumLocation.MissingMessage + " CI=true: browser tests must run.");
            }

            return; // every test is skipped by ChromiumFactAttribute
        }

        BaseAddress = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}");
        StartApp();
        await WaitUntilReadyAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumLocation.ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();

        if (_app is { HasExited: false })
        {
            _app.Kill(entireProcessTree: true);
            await _app.WaitForExitAsync();
        }

        _app?.Dispose();
        // Kept for the Test command, which shows its warnings and errors when a browser test failed.
        Directory.CreateDirectory(RepositoryLayout.Artifacts);
        await File.WriteAllTextAsync(Path.Combine(RepositoryLayout.Artifacts, "e2e-app.log"), AppOutput);
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    private void StartApp()
    {
        var assembly = RepositoryLayout.WebAppAssembly;
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"The web app was not built: {assembly} is missing. Build the solution (or e2e/, which references NeuroLake.Web) first.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { assembly, "--urls", BaseAddress.ToString().TrimEnd('/') },
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Development serves static web assets from the project's wwwroot through the build's runtime manifest.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["NeuroLake__DataDirectory"] = DataDirectory;
        start.Environment["NeuroLake__Auth__Mode"] = _authMode;
        // The Storage page's cache chart needs a sample: one a minute rather than every five.
        start.Environment["NeuroLake__Storage__Cache__SampleMinutes"] = "1";

        _app = new Process { StartInfo = start };
        _app.OutputDataReceived += (_, e) => Append(e.Data);
        _app.ErrorDataReceived += (_, e) => Append(e.Data);
        _app.Start();
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_app!.HasExited)
            {
                throw new InvalidOperationException($"The web app exited with code {_app.ExitCode} before it was ready:\n{AppOutput}");
            }

            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // a first readiness check (migrations, DuckDB) slower than one request's timeout on a loaded machine: ask again
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The web app did not answer /health/ready with 200 within {StartTimeout.TotalSeconds} s:\n{AppOutput}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_appOutput)
        {
            _appOutput.AppendLine(line);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class WorkbenchCollection : ICollectionFixture<WorkbenchAppFixture>
{
    public const string Name = "Workbench";
}
