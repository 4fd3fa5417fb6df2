using System.Text.Json;
using NeuroLake.Engine.Backup;

namespace NeuroLake.Web.Api.Backups;

/// <summary>
/// A backup set: id, when it was taken, its state (<c>unverified</c>, <c>usable</c>, <c>unusable</c>), tables with the
/// version each holds, files and bytes, what it added to the repository (null for older sets), why it was taken when not
/// on request (a safety backup), and the latest verify. Never where the repository is.
/// </summary>
public sealed record BackupSetJson(
    string Id, DateTimeOffset? CreatedAt, string State, IReadOnlyList<BackupSetTableJson> Tables, int Files, long TotalBytes,
    BackupVerifyJson? LastVerify, string? Damage, long? NewBytes, string? Label)
{
    public static BackupSetJson From(BackupSetInfo set) => new(
        set.SetId, set.CreatedAt, set.State.ToString().ToLowerInvariant(),
        set.Tables.Select(t => new BackupSetTableJson(t.Name, t.Version, t.Bytes)).ToList(), set.Files, set.TotalBytes,
        set.LastVerify is { } verify ? BackupVerifyJson.From(verify) : null, set.Damage, set.NewBytes, set.Label);
}

/// <summary>A table of a set: its catalog name, the version the set holds, and its bytes.</summary>
public sealed record BackupSetTableJson(string Name, long Version, long Bytes);

/// <summary>A verify: when, files and bytes re-read, usable, and each damaged or missing file by its path inside the set.</summary>
public sealed record BackupVerifyJson(DateTimeOffset VerifiedAt, int FilesChecked, long BytesChecked, bool Usable, IReadOnlyList<BackupFileProblemJson> Problems)
{
    public static BackupVerifyJson From(BackupVerifyResult result) => new(
        result.VerifiedAt, result.FilesChecked, result.BytesChecked, result.Usable,
        result.Problems.Select(p => new BackupFileProblemJson(p.Path, p.Kind.ToString().ToLowerInvariant())).ToList());

    public JsonElement ToElement() => JsonSerializer.SerializeToElement(this, JsonSerializerOptions.Web);
}

/// <summary>A file that failed verify: <c>&lt;table&gt;/&lt;path in table&gt;</c> or <c>catalog/…</c>, and <c>missing</c> or <c>damaged</c>.</summary>
public sealed record BackupFileProblemJson(string Path, string Kind);

/// <summary>What a backup wrote: the set id, tables, files, bytes, and how much was new to the repository.</summary>
public sealed record BackupTakenJson(string SetId, int Tables, int Files, long TotalBytes, int NewObjects, long NewBytes);

/// <summary>
/// Tables of a set to restore: with <c>mode</c> <c>newName</c> (the default) each under a new name,
/// <c>{"tables": [{"name": "main.sales.orders", "restoreAs": "main.sales.orders_restored"}]}</c>; with <c>inPlace</c>
/// over the live table of the same name after a safety backup, <c>{"mode": "inPlace", "tables": [{"name": "main.sales.orders"}]}</c>.
/// </summary>
public sealed record BackupRestoreRequest(IReadOnlyList<BackupRestoreTable>? Tables, string? Mode = null);

/// <summary>One table to restore: its name in the set and, for <c>newName</c>, the new name (a table that does not exist, in a schema that does).</summary>
public sealed record BackupRestoreTable(string? Name, string? RestoreAs);

/// <summary>A restored table: its name in the set, its new name, and the version restored.</summary>
public sealed record BackupRestoredJson(string Name, string RestoredAs, long Version);

/// <summary>An in-place restore: the safety set taken first (restore it to undo) and each table restored.</summary>
public sealed record BackupInPlaceRestoreJson(string SafetySetId, IReadOnlyList<BackupInPlaceRestoredJson> Tables)
{
    public static BackupInPlaceRestoreJson From(InPlaceRestoreResult result) => new(
        result.SafetySetId, result.Tables.Select(t => new BackupInPlaceRestoredJson(t.Name, t.SetVersion, t.PreviousVersion, t.Version)).ToList());
}

/// <summary>A table restored in place: the set's version, the version before (time travel still reads it) and the new version.</summary>
public sealed record BackupInPlaceRestoredJson(string Name, long SetVersion, long PreviousVersion, long Version);
