using NeuroLake.Web.Identity.Store;

namespace NeuroLake.Web.Identity;

/// <summary>A new token and its secret, which is shown this once and never stored.</summary>
public sealed record CreatedAccessToken(AccessTokenRecord Token, string Secret);
