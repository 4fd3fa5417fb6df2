namespace NeuroLake.Web.Api.Operations;

/// <summary>Where a long table operation stands.</summary>
public enum OperationStatus
{
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
