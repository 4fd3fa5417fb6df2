using Bunit;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Web.Components.Shared;
using NeuroLake.Tests.Web.Components;
using NeuroLake.Web.Components.Pages.Ingest;

namespace NeuroLake.Tests.Web.Ingest;

/// <summary>The upload list: what is staged, until when, and removing a file only after the user confirms.</summary>
public sealed class UploadListTests : MudComponentTest
{
    private const string UploadId = "0123456789abcdef0123456789abcdef";

    public UploadListTests() => Context.Services.AddScoped<UserClock>();

    private static IngestWizardState Staged()
    {
        var state = new IngestWizardState();
        state.Staged(UploadId, "people.csv", 2048, new DateTimeOffset(2026, 12, 8, 9, 30, 0, TimeSpan.Zero));
        return state;
    }

    [Fact]
    public void A_staged_file_is_listed_with_its_size_expiry_and_actions()
    {
        var list = Render<UploadStep>(p => p.Add(s => s.State, Staged()));

        var item = list.Find("[aria-label='Uploaded files'] li");
        Assert.Contains("people.csv", item.TextContent);
        Assert.Contains("2.0 KB", item.TextContent);
        Assert.Contains("expires 2026-12-08 09:30 +00:00", item.TextContent);
        Assert.NotNull(list.FindAll("button").SingleOrDefault(b => b.TextContent.Trim() == "Load people.csv"));
    }

    [Fact]
    public void Remove_asks_first_and_cancel_keeps_the_file()
    {
        var providers = RenderProviders();
        var removed = new List<UploadEntry>();
        var list = Render<UploadStep>(p => p.Add(s => s.State, Staged()).Add(s => s.OnRemove, removed.Add));

        list.Find("button[aria-label='Remove people.csv']").Click();

        providers.WaitForAssertion(() => Assert.Contains("Remove people.csv?", providers.Markup));
        Assert.Contains("Tables already loaded are not touched", providers.Markup);
        providers.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        providers.WaitForAssertion(() => Assert.DoesNotContain("Remove people.csv?", providers.Markup));
        Assert.Empty(removed);
    }

    [Fact]
    public void Remove_confirmed_hands_the_file_to_the_page()
    {
        var providers = RenderProviders();
        var removed = new List<UploadEntry>();
        var list = Render<UploadStep>(p => p.Add(s => s.State, Staged()).Add(s => s.OnRemove, removed.Add));

        list.Find("button[aria-label='Remove people.csv']").Click();
        providers.WaitForAssertion(() => Assert.Contains("Remove people.csv?", providers.Markup));
        providers.FindAll("button").Single(b => b.TextContent.Trim() == "Remove").Click();

        list.WaitForAssertion(() => Assert.Equal(UploadId, Assert.Single(removed).UploadId));
    }
}
