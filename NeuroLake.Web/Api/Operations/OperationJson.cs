using System.Text.Json;

namespace NeuroLake.Web.Api.Operations;

/// <summary>
/// A long operation as the API writes it: poll <c>GET /api/v1/operations/{id}</c> until <paramref name="Status"/> is
/// not Running; <paramref name="Result"/> holds the statement's answer (<c>{"columns", "rows"}</c>) once it succeeded,
/// <paramref name="Problem"/> why it failed.
/// </summary>
public sealed record OperationJson(
    Guid Id, string Kind, string Table, string Owner, string Status, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt,
    JsonElement? Result, OperationProblemJson? Problem);

/// <summary>Why an operation failed, as the problem details a synchronous call would have answered (status 400 or 403).</summary>
public sealed record OperationProblemJson(string Title, string Detail, int Status);
