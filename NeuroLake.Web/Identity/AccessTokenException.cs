using NeuroLake.Engine.Errors;

namespace NeuroLake.Web.Identity;

/// <summary>A personal access token could not be created or changed as asked; the message says what to change.</summary>
public sealed class AccessTokenException(string message) : NeuroLakeException(message);
