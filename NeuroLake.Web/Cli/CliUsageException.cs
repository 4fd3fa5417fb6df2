namespace NeuroLake.Web.Cli;

/// <summary>The command line itself is wrong: the message says what and how to write it; exit code 2.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
