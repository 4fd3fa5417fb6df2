using NeuroLake.Engine.Errors;

namespace NeuroLake.Engine.Jobs;

/// <summary>A job definition or run request a user got wrong; the message says how to fix it.</summary>
public sealed class JobException(string message) : NeuroLakeException(message);
