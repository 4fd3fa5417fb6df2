using Microsoft.Extensions.Options;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Catalog;
using NeuroLake.Web.Extensions;

namespace NeuroLake.Web.Cli;

/// <summary>
/// <c>dotnet NeuroLake.Web.dll &lt;verb&gt; ...</c>: backup work an operator scripts without the browser. The command
/// builds the app's engine from the same configuration (appsettings, environment, <c>--Section:Key=value</c>) but
/// starts no web server and no job server. Exit codes: 0 done, 1 failed, 2 the command line is wrong, 3 a verify found
/// damage. Anything that is not a verb (no arguments, or the web app's own settings) runs the web app.
/// </summary>
public static class OperatorCli
{
    private static readonly string[] Verbs = ["backup", "backups", "verify", "restore", "retention", "help"];

    /// <summary>Runs the command and returns its exit code, or null when <paramref name="args"/> start the web app.</summary>
    public static async Task<int?> TryRunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || !Verbs.Contains(args[0], StringComparer.Ordinal))
        {
            return null;
        }

        try
        {
            var command = CliArguments.Parse(args);
            if (command.Verb == "help")
            {
                await output.WriteAsync(Usage);
                return 0;
            }

            await using var host = BuildHost(command.Configuration);
            await host.Services.MigrateCatalogAsync(ct);
            return await new BackupCommands(host.Services, output, error).RunAsync(command, ct);
        }
        catch (CliUsageException e)
        {
            await error.WriteLineAsync($"{e.Message}\n\n{Usage}");
            return 2;
        }
        catch (NeuroLakeException e)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
        catch (OptionsValidationException e)
        {
            await error.WriteLineAsync(string.Join(Environment.NewLine, e.Failures));
            return 1;
        }
    }

    /// <summary>The app's engine services on the app's configuration sources, quiet below warnings.</summary>
    private static WebApplication BuildHost(IReadOnlyList<string> configuration)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [.. configuration] });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Logging.AddFilter(level => level >= LogLevel.Warning);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddNeuroLakeEngine();
        return builder.Build();
    }

    public const string Usage = """
        NeuroLake operator commands (the repository is NeuroLake:Backup:Target, as in the app):
          backup [--apply] [--json]        take a backup set now; --apply then applies the retention policy
          backups [--json]                 list the sets, newest first, with their state
          verify <set-id> | --all          re-read every file and compare checksums (exit code 3 on damage)
          retention [--apply] [--json]     show what the retention policy would remove; --apply removes it
          restore <set-id> --into <folder> [--catalog-provider Sqlite|Postgres] [--catalog-connection <connection string>]
                                           restore the whole lakehouse into a new, empty folder and catalog
                                           (default: a SQLite catalog in that folder)
          restore <set-id> --table <catalog.schema.table> --as <catalog.schema.new_table>
                                           restore one table into this lakehouse under a new name
          restore <set-id> --table <name>[,<name>...] --in-place
                                           restore tables over themselves: a safety backup first, then one new
                                           version each (earlier versions stay readable by time travel)
          help                             this text
        Settings as for the web app, e.g. --NeuroLake:DataDirectory=/srv/neurolake.
        """;
}
