namespace NeuroLake.Tests.Deployment;

/// <summary>
/// A fact that needs <c>docker compose</c> (compose's own validation of the file, no engine needed). Machines without
/// the command or its compose plugin skip it; <see cref="DockerComposeTests"/>' other facts check the file without it.
/// </summary>
public sealed class DockerFactAttribute : FactAttribute
{
    public DockerFactAttribute()
    {
        if (DockerBinary is null || !HasCompose.Value)
        {
            Skip = "docker compose is not installed here";
        }
    }

    private static readonly Lazy<bool> HasCompose = new(() =>
    {
        try
        {
            using var docker = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(DockerBinary!, "compose version")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            docker.StandardOutput.ReadToEnd();
            docker.StandardError.ReadToEnd();
            return docker.WaitForExit(30_000) && docker.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    public static string? DockerBinary { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(folder => Path.Combine(folder, "docker"))
        .FirstOrDefault(File.Exists);
}
