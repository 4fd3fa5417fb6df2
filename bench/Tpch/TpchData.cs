namespace NeuroLake.Bench.Tpch;

/// <summary>
/// A folder of TPC-H Parquet files (<c>&lt;table&gt;.parquet</c>), the 22 queries beside it in <c>../queries</c> (else
/// the shared ones), and
/// the answers in <c>../answers-&lt;folder name&gt;</c> when they exist (shared/data/tpch's layout, see its README).
/// </summary>
internal sealed class TpchData
{
    public static readonly string[] Tables = ["customer", "lineitem", "nation", "orders", "part", "partsupp", "region", "supplier"];

    /// <param name="fallbackQueries">The queries to use when the folder has no <c>../queries</c> beside it.</param>
    public TpchData(string folder, string? fallbackQueries = null)
    {
        Folder = Path.GetFullPath(folder);
        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Folder))!;
        Scale = Path.GetFileName(Path.TrimEndingDirectorySeparator(Folder));
        var beside = Path.Combine(parent, "queries");
        Queries = Directory.Exists(beside) || fallbackQueries is null ? beside : fallbackQueries;
        var answers = Path.Combine(parent, "answers-" + Scale);
        Answers = Directory.Exists(answers) ? answers : null;
        var missing = Tables.Where(t => !File.Exists(ParquetOf(t))).ToList();
        if (missing.Count > 0)
        {
            throw new FileNotFoundException($"{Folder} lacks {string.Join(", ", missing.Select(t => t + ".parquet"))}: point --data at a folder holding the eight TPC-H tables as Parquet.");
        }
    }

    public string Folder { get; }

    /// <summary>The folder's name, e.g. sf0.1: which answers and which q11 threshold apply.</summary>
    public string Scale { get; }

    public string Queries { get; }

    /// <summary>The folder of expected answers, or null when there is none for this data.</summary>
    public string? Answers { get; }

    /// <summary>shared/data/tpch/sf0.1 beside or above the repository, found from the working folder up.</summary>
    public static string DefaultFolder()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "data", "tpch", "sf0.1"), Path.Combine(dir.FullName, "..", "shared", "data", "tpch", "sf0.1") })
            {
                if (Directory.Exists(candidate))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        throw new DirectoryNotFoundException("No shared/data/tpch/sf0.1 above the working folder: pass --data DIR, a folder of TPC-H Parquet files.");
    }

    public string ParquetOf(string table) => Path.Combine(Folder, table + ".parquet");

    /// <summary>Query n's text; q11 carries a scale-dependent threshold, so its per-scale variant wins when present.</summary>
    public string Query(int n)
    {
        var scaled = Path.Combine(Queries, $"q{n:00}-{Scale}.sql");
        return File.ReadAllText(File.Exists(scaled) ? scaled : Path.Combine(Queries, $"q{n:00}.sql"));
    }

    public string? AnswerFile(int n) => Answers is null ? null : Path.Combine(Answers, $"q{n:00}.csv");
}
