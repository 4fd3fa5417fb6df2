using Microsoft.Extensions.Options;
using NeuroLake.Engine.Configuration;

namespace NeuroLake.Web.Identity;

/// <summary>The user named by <c>NeuroLake:User</c> (the same one the SQL API runs queries as).</summary>
public sealed class ConfiguredWorkbenchUser(IOptions<NeuroLakeOptions> options) : IWorkbenchUser
{
    public string Name => options.Value.User;
}
