using System.Text.Json.Serialization;

namespace NeuroLake.Web.Api.UnityCatalog;

/// <summary>An error as Unity Catalog's server writes it, so engines' clients show the message: <c>{"error_code": "NOT_FOUND", "message": "…"}</c>.</summary>
public sealed record UnityCatalogErrorJson(
    [property: JsonPropertyName("error_code")] string ErrorCode,
    [property: JsonPropertyName("message")] string Message);

/// <summary>A request the Unity Catalog endpoint refuses, with the HTTP status and the error code Unity Catalog's server uses for it.</summary>
internal sealed class UnityCatalogException(int status, string errorCode, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string ErrorCode { get; } = errorCode;

    /// <summary>Missing, or hidden from the caller: the same answer, so a name reveals nothing the caller may not read.</summary>
    public static UnityCatalogException NotFound(string kind, string name) =>
        new(StatusCodes.Status404NotFound, "NOT_FOUND", $"{kind} '{name}' does not exist, or you may not see it: check the name or ask its owner for access.");

    public static UnityCatalogException InvalidArgument(string message) => new(StatusCodes.Status400BadRequest, "INVALID_ARGUMENT", message);
}
