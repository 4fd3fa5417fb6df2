namespace NeuroLake.E2E;

/// <summary>The app in Accounts mode on a fresh data folder: no accounts yet, so the first visit meets the setup page.</summary>
public sealed class AccountsAppFixture : WorkbenchAppFixture
{
    public AccountsAppFixture()
        : base("Accounts")
    {
    }
}

[CollectionDefinition(Name)]
public sealed class AccountsCollection : ICollectionFixture<AccountsAppFixture>
{
    public const string Name = "Accounts";
}
