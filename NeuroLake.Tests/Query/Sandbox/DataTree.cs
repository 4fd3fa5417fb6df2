using System.Security.Cryptography;

namespace NeuroLake.Tests.Query.Sandbox;

/// <summary>A fingerprint of every file and folder under a root (relative path, and content hash for files).</summary>
internal static class DataTree
{
    public static IReadOnlyList<string> Hash(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => Path.GetRelativePath(root, path) + (File.Exists(path) ? " " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))) : "/"))
            .ToList();
}
