using NeuroLake.Engine.Catalog;

namespace NeuroLake.Engine.Governance;

/// <summary>Group names are identifiers; user names are whatever the workbench signs people in as, within limits.</summary>
internal static class PrincipalNames
{
    public static string RequireGroup(string? name)
    {
        if (!Identifier.IsValid(name))
        {
            throw new GovernanceException(
                $"Group name '{name}' is not valid: use letters, digits and underscores, starting with a letter or underscore, at most {Identifier.MaxLength} characters.");
        }

        return name!;
    }

    public static string RequireUser(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > Catalog.Model.GovernanceModel.PrincipalMaxLength || name.Any(char.IsControl))
        {
            throw new GovernanceException(
                $"User name '{name}' is not valid: give a non-empty name of at most {Catalog.Model.GovernanceModel.PrincipalMaxLength} characters without control characters.");
        }

        return name;
    }
}
