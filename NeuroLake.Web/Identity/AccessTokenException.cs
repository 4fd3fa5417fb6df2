namespace NeuroLake.Web.Identity;

/// <summary>A personal access token could not be created as asked; the message says what to change.</summary>
public sealed class AccessTokenException(string message) : Exception(message);
