using NeuroLake.Engine.Errors;

namespace NeuroLake.Web.Api;

/// <summary>A request the API refuses before the engine sees it (a malformed name, a value out of range); the message says how to fix it.</summary>
public sealed class BadApiRequestException(string message) : NeuroLakeException(message);
