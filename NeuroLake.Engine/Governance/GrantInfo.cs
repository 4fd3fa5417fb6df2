namespace NeuroLake.Engine.Governance;

/// <summary>One grant as stored.</summary>
public sealed record GrantInfo(Securable Securable, Principal Principal, Privilege Privilege, string GrantedBy, DateTimeOffset GrantedAt);
