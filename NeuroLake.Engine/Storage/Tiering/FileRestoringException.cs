using System.Globalization;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Metering;

namespace NeuroLake.Engine.Storage.Tiering;

/// <summary>A statement read a file whose tier archives it: its restore has been asked for, and the statement must wait for it.</summary>
public sealed class FileRestoringException(string key, StorageTier tier, double restoreHours, bool startedNow, Exception? inner = null)
    : NeuroLakeException(
        $"The file '{key}' is in the {tier.ToString().ToLowerInvariant()} tier's archive class and must be restored before it can be read. "
        + (startedNow ? "A restore has been started" : "Its restore is already in progress")
        + $"; it takes about {restoreHours.ToString("0.#", CultureInfo.InvariantCulture)} hours (NeuroLake:Storage:Tiers:{tier}:RestoreHours). Run the statement again after that, "
        + "or pin the table hot so the next tiering run brings its files back.",
        inner)
{
    public string Key { get; } = key;
}
