using System.Globalization;

namespace NeuroLake.Tests.DuckDb;

/// <summary>This process's threads with their names and nice values, read from <c>/proc/self/task</c> (Linux, like the machines this runs on).</summary>
internal static class ThreadPriorities
{
    public static IReadOnlyDictionary<int, (string Name, int Nice)> Read()
    {
        var threads = new Dictionary<int, (string, int)>();
        foreach (var folder in Directory.GetDirectories("/proc/self/task"))
        {
            try
            {
                threads[int.Parse(Path.GetFileName(folder), CultureInfo.InvariantCulture)] = (File.ReadAllText(Path.Combine(folder, "comm")).Trim(), Nice(File.ReadAllText(Path.Combine(folder, "stat"))));
            }
            catch (IOException)
            {
                // The thread ended between the listing and the read.
            }
        }

        return threads;
    }

    // In stat the 19th field is the nice value: the 17th after the parenthesised name.
    public static int Nice(string stat) =>
        int.Parse(stat.Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[16], CultureInfo.InvariantCulture);
}
