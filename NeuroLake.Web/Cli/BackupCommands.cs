using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NeuroLake.Engine.Backup;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Web.Api.Backups;
using NeuroLake.Web.Backups;
using NeuroLake.Web.Components.Pages.Catalog;

namespace NeuroLake.Web.Cli;

/// <summary>
/// The backup verbs of <see cref="OperatorCli"/> over the app's <see cref="LakehouseBackups"/>: what the Backups API
/// does, for whoever may run the app's binary on its data folder (which can read every file anyway). Each action is
/// audited as <c>cli:&lt;operating-system user&gt;</c>; <c>--json</c> prints the API's shapes.
/// </summary>
internal sealed class BackupCommands(IServiceProvider services, TextWriter output, TextWriter error)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web) { WriteIndented = true };

    private readonly LakehouseBackups _sets = services.GetRequiredService<LakehouseBackups>();
    private readonly AuditLog _audit = services.GetRequiredService<AuditLog>();
    private readonly string _who = "cli:" + Environment.UserName;

    public Task<int> RunAsync(CliArguments command, CancellationToken ct) => command.Verb switch
    {
        "backup" => BackupAsync(command, ct),
        "backups" => ListAsync(command, ct),
        "verify" => VerifyAsync(command, ct),
        "retention" => RetentionAsync(command, ct),
        "restore" => RestoreAsync(command, ct),
        _ => throw new CliUsageException($"Unknown command '{command.Verb}'."),
    };

    private async Task<int> BackupAsync(CliArguments command, CancellationToken ct)
    {
        command.Allow("--apply", "--json");
        NoPositional(command);
        var progress = new StepPrinter(error);
        var result = await _audit.TrackAsync(_who, AuditAction.Maintenance, "backup", "Backup of the lakehouse (command line)", () => _sets.BackupAsync(ct, progress));
        var taken = new BackupTakenJson(result.SetId, result.Tables, result.Files, result.TotalBytes, result.NewObjects, result.NewBytes);
        if (command.Has("--json"))
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(taken, Json));
        }
        else
        {
            await output.WriteLineAsync(FormattableString.Invariant(
                $"Backup set {taken.SetId}: {taken.Tables} tables, {taken.Files} files, {ByteSize.Format(taken.TotalBytes)}; new to the repository: {taken.NewObjects} files, {ByteSize.Format(taken.NewBytes)}."));
        }

        return command.Has("--apply") ? await ApplyRetentionAsync(dryRun: false, json: command.Has("--json"), ct) : 0;
    }

    private async Task<int> ListAsync(CliArguments command, CancellationToken ct)
    {
        command.Allow("--json");
        NoPositional(command);
        var sets = await _sets.ListAsync(ct);
        if (command.Has("--json"))
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(sets.Select(BackupSetJson.From), Json));
            return 0;
        }

        if (sets.Count == 0)
        {
            await output.WriteLineAsync("The repository has no backup sets yet: take one with 'backup'.");
            return 0;
        }

        await output.WriteLineAsync($"{"SET",-34} {"TAKEN (UTC)",-20} {"STATE",-10} {"TABLES",6} {"FILES",7} {"SIZE",10}");
        foreach (var set in sets)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{set.SetId,-34} {set.CreatedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "unreadable",-20} {set.State.ToString().ToLowerInvariant(),-10} {set.Tables.Count,6} {set.Files,7} {ByteSize.Format(set.TotalBytes),10}"));
            if (set.Damage is not null)
            {
                await output.WriteLineAsync($"  {set.Damage}");
            }
        }

        return 0;
    }

    private async Task<int> VerifyAsync(CliArguments command, CancellationToken ct)
    {
        command.Allow("--all");
        var ids = command.Has("--all")
            ? (await _sets.ListAsync(ct)).Select(s => s.SetId).ToList()
            : command.Positional.Count == 1 ? [command.Positional[0]] : throw new CliUsageException("Name one set to verify (see 'backups'), or --all.");
        if (command.Has("--all") && command.Positional.Count > 0)
        {
            throw new CliUsageException("Name one set or --all, not both.");
        }

        var damaged = 0;
        foreach (var id in ids)
        {
            var result = await _audit.TrackAsync(_who, AuditAction.Maintenance, $"backup {id}", "Verify of a backup set (command line)", () => _sets.VerifyAsync(id, ct));
            await output.WriteLineAsync(FormattableString.Invariant(
                $"{id}: {(result.Usable ? "usable" : "UNUSABLE")}, {result.FilesChecked} files, {ByteSize.Format(result.BytesChecked)} re-read"));
            foreach (var problem in result.Problems)
            {
                await output.WriteLineAsync($"  {problem.Kind.ToString().ToLowerInvariant()}: {problem.Path}");
            }

            damaged += result.Usable ? 0 : 1;
        }

        return damaged == 0 ? 0 : 3;
    }

    private Task<int> RetentionAsync(CliArguments command, CancellationToken ct)
    {
        command.Allow("--apply", "--json");
        NoPositional(command);
        return ApplyRetentionAsync(dryRun: !command.Has("--apply"), command.Has("--json"), ct);
    }

    private async Task<int> ApplyRetentionAsync(bool dryRun, bool json, CancellationToken ct)
    {
        var policy = services.GetRequiredService<IOptions<NeuroLakeOptions>>().Value.Backup.Retention;
        var plan = dryRun
            ? await _sets.ApplyRetentionAsync(policy, dryRun: true, ct)
            : await _audit.TrackAsync(_who, AuditAction.Maintenance, "backup retention", "Retention of backup sets (command line)", () => _sets.ApplyRetentionAsync(policy, dryRun: false, ct));
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(BackupRetentionJson.From(plan, policy), Json));
            return 0;
        }

        var verb = dryRun ? "would remove" : "removed";
        await output.WriteLineAsync(FormattableString.Invariant(
            $"Retention (latest {policy.Latest}, daily {policy.Daily}, weekly {policy.Weekly}, monthly {policy.Monthly}) {verb} {plan.Removed.Count} of {plan.Kept.Count + plan.Removed.Count} sets and {plan.ObjectsRemoved} files, {ByteSize.Format(plan.BytesRemoved)}."));
        foreach (var set in plan.Removed)
        {
            await output.WriteLineAsync($"  {set.SetId}: {set.Reason}");
        }

        if (plan.ObjectsKeptBecause is { } why)
        {
            await output.WriteLineAsync($"  No file was pruned: {why}");
        }

        if (dryRun)
        {
            await output.WriteLineAsync("Nothing was removed: run 'retention --apply' to remove it.");
        }

        return 0;
    }

    private async Task<int> RestoreAsync(CliArguments command, CancellationToken ct)
    {
        command.Allow("--into", "--catalog-provider", "--catalog-connection", "--table", "--as", "--in-place");
        if (command.Positional.Count != 1)
        {
            throw new CliUsageException("Name the set to restore (see 'backups').");
        }

        return command.Has("--table")
            ? await RestoreTablesAsync(command, command.Positional[0], ct)
            : await RestoreLakehouseAsync(command, ct);
    }

    /// <summary>Tables into the running lakehouse: under a new name, or in place after a safety backup.</summary>
    private async Task<int> RestoreTablesAsync(CliArguments command, string setId, CancellationToken ct)
    {
        if (command.Has("--into"))
        {
            throw new CliUsageException("--table restores into this lakehouse and --into restores all of it elsewhere: use one of them.");
        }

        var tables = (command.Option("--table") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (tables.Length == 0 || command.Has("--as") == command.Has("--in-place"))
        {
            throw new CliUsageException("Restore tables with --table main.sales.orders and either --as main.sales.orders_restored or --in-place.");
        }

        var set = await _sets.FindAsync(setId, ct) ?? throw new BackupException($"The repository has no backup set '{setId}': see 'backups' for the sets it holds.");
        var planner = services.GetRequiredService<RestorePlanner>();
        if (command.Has("--in-place"))
        {
            var names = await planner.InPlaceAsync(set, [.. tables.Select(t => new RestoreChoice(t, null))], ct);
            var result = await _audit.TrackAsync(_who, AuditAction.Restore, $"backup {setId}", $"Restore in place of {string.Join(", ", names)} (command line)",
                () => _sets.RestoreInPlaceAsync(setId, names, ct));
            foreach (var table in result.Tables)
            {
                await output.WriteLineAsync(FormattableString.Invariant(
                    $"  {table.Name}: version {table.SetVersion} of the set is now version {table.Version} (was {table.PreviousVersion}; still readable with VERSION AS OF {table.PreviousVersion})"));
            }

            await output.WriteLineAsync($"Restored {result.Tables.Count} table(s) in place from set {setId}; safety backup taken first: set {result.SafetySetId}.");
            return 0;
        }

        if (tables.Length != 1)
        {
            throw new CliUsageException("--as names one new table: restore one --table at a time under a new name.");
        }

        var plan = (await planner.NewNamesAsync(set, [new RestoreChoice(tables[0], command.Option("--as"))], ct)).Single();
        var version = await _audit.TrackAsync(_who, AuditAction.Restore, $"backup {setId}", $"Restore of {plan.Name} as {plan.Target} (command line)",
            () => _sets.RestoreTableAsync(setId, plan.Name, plan.Catalog, plan.Schema, plan.Table, ct));
        await output.WriteLineAsync(FormattableString.Invariant($"Restored {plan.Name} from set {setId} as {plan.Target} (version {version})."));
        return 0;
    }

    private async Task<int> RestoreLakehouseAsync(CliArguments command, CancellationToken ct)
    {
        var into = command.Option("--into") ?? throw new CliUsageException("Say where: --into <a new, empty folder> (the whole lakehouse is restored there).");
        var provider = command.Option("--catalog-provider") is { } name
            ? Enum.TryParse<CatalogProvider>(name, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new CliUsageException($"--catalog-provider is Sqlite or Postgres, not '{name}'.")
            : CatalogProvider.Sqlite;
        var connection = command.Option("--catalog-connection");
        if (provider == CatalogProvider.Postgres && string.IsNullOrWhiteSpace(connection))
        {
            throw new CliUsageException("A PostgreSQL catalog needs --catalog-connection \"Host=...;Database=...;Username=...\" (an empty database).");
        }

        var setId = command.Positional[0];
        var root = Path.GetFullPath(into);
        var tables = await _audit.TrackAsync(_who, AuditAction.Restore, $"backup {setId}", "Restore of the whole lakehouse into a new folder (command line)",
            () => _sets.RestoreLakehouseAsync(setId, root, provider, connection, ct));
        foreach (var table in tables)
        {
            await output.WriteLineAsync(FormattableString.Invariant($"  {table.Name} at version {table.Version}"));
        }

        await output.WriteLineAsync(FormattableString.Invariant(
            $"Restored set {setId}: {tables.Count} tables and the catalog ({provider}). Start the app on it with --NeuroLake:DataDirectory={root}") +
            (provider == CatalogProvider.Postgres ? " and the same catalog settings." : "."));
        return 0;
    }

    private static void NoPositional(CliArguments command)
    {
        if (command.Positional.Count > 0)
        {
            throw new CliUsageException($"'{command.Verb}' takes no '{command.Positional[0]}'.");
        }
    }

    /// <summary>
    /// Prints each new step of a backup on the error stream as it is reported, on the reporting thread
    /// (<see cref="Progress{T}"/> would post lines to the thread pool, where they could land after the result).
    /// </summary>
    private sealed class StepPrinter(TextWriter error) : IProgress<BackupProgress>
    {
        private readonly Lock _gate = new();
        private string _lastStep = "";

        public void Report(BackupProgress value)
        {
            lock (_gate)
            {
                if (value.Step != _lastStep)
                {
                    _lastStep = value.Step;
                    error.WriteLine(FormattableString.Invariant($"{value.Fraction,4:P0} {value.Step}"));
                }
            }
        }
    }
}
