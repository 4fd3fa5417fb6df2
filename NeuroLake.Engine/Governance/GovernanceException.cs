using NeuroLake.Engine.Errors;

namespace NeuroLake.Engine.Governance;

/// <summary>A governance request that cannot be carried out as given (unknown group, invalid grant); the message says how to fix it.</summary>
public sealed class GovernanceException : NeuroLakeException
{
    internal GovernanceException(string message) : base(message)
    {
    }
}
