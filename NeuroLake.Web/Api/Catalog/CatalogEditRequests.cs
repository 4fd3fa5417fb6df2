namespace NeuroLake.Web.Api.Catalog;

/// <summary>A table's new description; empty clears it.</summary>
public sealed record DescriptionRequest(string? Description);

/// <summary>A table's tags, replacing the old ones; an empty list clears them.</summary>
public sealed record TagsRequest(IReadOnlyList<string>? Tags);

/// <summary>A table's new owner: a user or a group name.</summary>
public sealed record OwnerRequest(string? Owner);

/// <summary>A column's new comment; empty clears it.</summary>
public sealed record ColumnCommentRequest(string? Comment);

/// <summary>A column's personal data classification: a known kind such as <c>email</c> or <c>credit_card</c>; a manual classification is certain.</summary>
public sealed record PiiRequest(string? Type);
