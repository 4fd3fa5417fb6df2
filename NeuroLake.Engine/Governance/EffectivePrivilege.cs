namespace NeuroLake.Engine.Governance;

/// <summary>A privilege a user holds on a securable and why: "SELECT from group analyst on schema main.sales".</summary>
public sealed record EffectivePrivilege(Privilege Privilege, string Reason);
