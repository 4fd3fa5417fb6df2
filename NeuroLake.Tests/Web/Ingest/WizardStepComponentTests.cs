using Bunit;
using NeuroLake.Engine.Ingestion.Detection;
using NeuroLake.Engine.Ingestion.Pii;
using NeuroLake.Engine.Ingestion.Quality;
using NeuroLake.Engine.Ingestion.Schema;
using NeuroLake.Tests.Web.Components;
using NeuroLake.Web.Components.Pages.Ingest;

namespace NeuroLake.Tests.Web.Ingest;

/// <summary>The wizard's steps as a user drives them: typing into the schema grid, deciding PII, moving on and back.</summary>
public sealed class WizardStepComponentTests : MudComponentTest
{
    private static readonly ProposedSchema People = new(
        new DetectedSource("/staging/people.csv", SourceFormat.Csv, SourceCompression.None, TextEncoding.Utf8,
            new CsvDialect(";", "\"", "\"", true, 0, null, null), [new("Id", "BIGINT", true), new("E-mail", "VARCHAR", true)]),
        [
            new ProposedColumn("id", "Id", new SourceColumn("Id", "BIGINT", true), "BIGINT", false, ParseMethod.Cast),
            new ProposedColumn("e_mail", "E-mail", new SourceColumn("E-mail", "VARCHAR", true), "VARCHAR", true, ParseMethod.AsRead),
        ],
        ["id", "e_mail"], [], 2, true);

    private static IngestWizardState AtSchema()
    {
        var state = new IngestWizardState();
        state.Staged("0123456789abcdef0123456789abcdef", "people.csv", 10);
        state.Choose(state.Uploads[0].ClientId);
        state.Detected(People);
        return state;
    }

    [Fact]
    public void A_finding_names_its_kind_for_people_and_says_which_scheme_matched()
    {
        var state = AtSchema();
        state.Previewed(RowPage.Empty);
        state.Assessed(new SourceFindings(new QualityReport(2, [], 0, 0, [], false, 0, 100, []),
            [new PiiFinding("e_mail", SemanticType.NationalId, 0.9, 0.94, false, 40, [SemanticType.NationalId], "Spanish DNI/NIE")]));

        var step = Render<FindingsStep>(p => p.Add(s => s.State, state));

        Assert.Contains("National ID number", step.Markup);
        Assert.Contains("94% of 40 sampled values validate as national_id (Spanish DNI/NIE)", step.Markup);
    }

    private static IngestWizardState AtFindings()
    {
        var state = AtSchema();
        state.Previewed(RowPage.Empty);
        state.Assessed(new SourceFindings(new QualityReport(2, [], 0, 0, [], false, 0, 100, []),
            [new PiiFinding("e_mail", SemanticType.Email, 0.95, 1, true, 2, [SemanticType.Email])]));
        return state;
    }

    [Fact]
    public void An_invalid_column_name_typed_in_the_grid_disables_next_and_says_how_to_fix_it()
    {
        var state = AtSchema();
        var nexts = 0;
        var step = Render<SchemaStep>(p => p.Add(s => s.State, state).Add(s => s.OnNext, () => nexts++));
        Assert.Contains("delimiter ;", step.Find("[aria-label='Detected dialect']").TextContent);

        step.Find("input[aria-label='Name of E-mail']").Change("2nd mail");

        Assert.Equal("2nd mail", state.Columns[1].Name);
        step.WaitForAssertion(() => Assert.Contains("'2nd mail' (from 'E-mail') is not a valid column name", step.Markup));
        Assert.True(Button(step, "Preview rows").HasAttribute("disabled"));

        step.Find("input[aria-label='Name of E-mail']").Change("email");

        step.WaitForAssertion(() => Assert.False(Button(step, "Preview rows").HasAttribute("disabled")));
        Assert.DoesNotContain("not a valid column name", step.Markup);
        Button(step, "Preview rows").Click();
        Assert.Equal(1, nexts);
    }

    [Fact]
    public void Marking_a_key_in_the_grid_changes_the_state_and_back_is_offered()
    {
        var state = AtSchema();
        var backs = 0;
        var step = Render<SchemaStep>(p => p.Add(s => s.State, state).Add(s => s.OnBack, () => backs++));

        step.Find("input[aria-label='Id is a key column']").Change(true);
        Button(step, "Back").Click();

        Assert.True(state.Columns[0].Key);
        Assert.Equal(1, backs);
    }

    [Fact]
    public void Deductions_and_findings_are_listed_apart_and_the_column_statistics_say_they_come_from_the_sample()
    {
        var state = AtSchema();
        state.Previewed(RowPage.Empty);
        var quality = new QualityReport(200, [new ColumnQuality("id", "BIGINT", 0, 0, 199, false, "1", "200", 0, null, null, null)], 0, 0, ["id"], true, 1, 90,
            [new NeuroLake.Engine.Catalog.Quality.QualityDeduction(10, "1 rows repeat the key (id) of an earlier row: deduplicate on the key")])
        {
            Findings = [new NeuroLake.Engine.Catalog.Quality.QualityFinding("e_mail", "nulls", "40.0% of its values are null")],
        };
        state.Assessed(new SourceFindings(quality, []));

        var step = Render<FindingsStep>(p => p.Add(s => s.State, state));

        Assert.Contains("deduplicate on the key", step.Find("[aria-label='Quality deductions']").TextContent);
        var findings = step.Find("[aria-label='Quality findings']").TextContent;
        Assert.Contains("'e_mail': 40.0% of its values are null", findings);
        Assert.DoesNotContain("deduplicate", findings);
        Assert.Contains("does not change the score", step.Markup);
        Assert.Contains("measured on a sample of 200 rows", step.Find("caption").TextContent);
        Assert.Contains("Null % in sample", step.Markup);
    }

    [Fact]
    public void The_target_waits_until_every_pii_finding_is_confirmed_or_dismissed()
    {
        var state = AtFindings();
        var nexts = 0;
        var step = Render<FindingsStep>(p => p.Add(s => s.State, state).Add(s => s.OnNext, () => nexts++));

        Assert.True(Button(step, "Choose target").HasAttribute("disabled"));
        Assert.Contains("Confirm or dismiss the PII finding(s) for e_mail.", step.Markup);

        Button(step, "Confirm e_mail").Click();

        step.WaitForAssertion(() => Assert.False(Button(step, "Choose target").HasAttribute("disabled")));
        Assert.Equal("true", Button(step, "Confirm e_mail").GetAttribute("aria-pressed"));
        Assert.Equal("false", Button(step, "Dismiss e_mail").GetAttribute("aria-pressed"));
        Button(step, "Choose target").Click();
        Assert.Equal(1, nexts);
    }

    [Fact]
    public void The_keep_empty_table_option_is_off_by_default_and_offered_for_a_new_table_only()
    {
        var state = AtFindings();
        state.Decide("e_mail", PiiDecision.Dismissed);
        state.ToTarget();
        LoadTarget? changed = null;
        var step = Render<TargetStep>(p => p.Add(s => s.State, state).Add(s => s.OnChange, t => changed = t));

        Assert.False(state.Target!.KeepEmptyTable);
        step.FindAll("label").Single(l => l.TextContent.Contains("Keep the table even if no row loads")).QuerySelector("input")!.Change(true);

        Assert.True(changed!.KeepEmptyTable);
        state.SetTarget(state.Target with { Mode = NeuroLake.Engine.Ingestion.Load.LoadMode.Append });
        step.Render();
        Assert.DoesNotContain("Keep the table even if no row loads", step.Markup);
    }

    private static AngleSharp.Dom.IElement Button<T>(IRenderedComponent<T> component, string text)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        component.FindAll("button").Single(b => b.TextContent.Trim() == text);
}
