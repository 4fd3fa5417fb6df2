namespace NeuroLake.Engine.Configuration;

/// <summary>How people are told apart, bound from <c>NeuroLake:Auth</c>.</summary>
public sealed class AuthOptions
{
    /// <summary>Default <see cref="AuthMode.Accounts"/>: a fresh install asks for its first administrator.</summary>
    public AuthMode Mode { get; set; } = AuthMode.Accounts;
}

/// <summary>Whether the workbench has sign-in.</summary>
public enum AuthMode
{
    /// <summary>Users sign in (or send a personal access token); privileges, masking and row filters apply.</summary>
    Accounts,

    /// <summary>
    /// No sign-in: everyone who reaches the port is the configured user (<see cref="NeuroLakeOptions.User"/>), an
    /// administrator. For a one-person laptop; the UI says so.
    /// </summary>
    Single,
}
