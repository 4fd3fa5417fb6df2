using NeuroLake.Engine.Tables.Actions;

namespace NeuroLake.Engine.Tables.Transactions;

/// <summary>
/// What a transaction read, for Delta's conflict rules: the files it read (a concurrent removal of one conflicts)
/// and which partitions it depends on (a concurrent add into one conflicts). A blind append reads nothing.
/// </summary>
internal sealed class ReadSet
{
    private readonly HashSet<string> _files = new(StringComparer.Ordinal);

    public IReadOnlySet<string> Files => _files;

    /// <summary>Decides whether a newly added file would have been read (null: the transaction read no data).</summary>
    public Func<AddFile, bool>? Predicate { get; private set; }

    public string PredicateText { get; private set; } = "";

    public bool IsEmpty => _files.Count == 0 && Predicate is null;

    public void ReadFiles(IEnumerable<AddFile> files)
    {
        foreach (var file in files)
        {
            _files.Add(file.Path);
        }
    }

    public void ReadWholeTable()
    {
        Predicate = static _ => true;
        PredicateText = "the whole table";
    }

    public void ReadWhere(Func<AddFile, bool> predicate, string text)
    {
        Predicate = predicate;
        PredicateText = text;
    }
}
