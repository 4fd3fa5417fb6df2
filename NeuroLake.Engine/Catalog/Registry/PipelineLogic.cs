using System.Text.Json;
using System.Text.Json.Serialization;

namespace NeuroLake.Engine.Catalog.Registry;

/// <summary>
/// What a saved pipeline version runs, as its logic JSON. Either a template of the pattern library and the values of
/// its variables — <c>{"template":"dedup","variables":{"source":"sales.orders","keys":"id","order_by":"updated_at"}}</c> —
/// or plain SQL — <c>{"sql":"DELETE FROM s.t WHERE …"}</c>. Values are kept as typed (lists comma-separated) and go
/// through <see cref="SqlTemplate.Render"/> every time the pipeline runs, so a template changed since is picked up and a
/// value is never spliced into SQL unchecked.
/// </summary>
public sealed record PipelineLogic(
    [property: JsonPropertyName("template")] string? Template,
    [property: JsonPropertyName("variables")] IReadOnlyDictionary<string, string>? Variables = null,
    [property: JsonPropertyName("sql")] string? Sql = null)
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>Logic that renders <paramref name="template"/> with <paramref name="variables"/>.</summary>
    public static PipelineLogic FromTemplate(string template, IReadOnlyDictionary<string, string> variables) => new(template, variables);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a version's logic; JSON of another shape throws a <see cref="CatalogException"/> that shows the expected one.</summary>
    public static PipelineLogic Parse(string pipeline, string logicJson)
    {
        PipelineLogic? logic;
        try
        {
            logic = JsonSerializer.Deserialize<PipelineLogic>(logicJson, Json);
        }
        catch (JsonException)
        {
            logic = null;
        }

        if (logic is null || (logic.Template is null) == (logic.Sql is null))
        {
            CatalogThrow.Invalid(
                $"Pipeline '{pipeline}' has logic NeuroLake cannot run: save it as {{\"template\":\"name\",\"variables\":{{…}}}} or {{\"sql\":\"…\"}}.");
        }

        return logic;
    }

    /// <summary>The SQL this logic runs, rendered from <paramref name="templates"/>; an unknown template or a bad value throws.</summary>
    public string Render(string pipeline, IReadOnlyList<TemplateInfo> templates)
    {
        if (Sql is not null)
        {
            return Sql;
        }

        var template = templates.FirstOrDefault(t => t.Name == Template)
            ?? throw new CatalogException($"Pipeline '{pipeline}' uses template '{Template}', which no longer exists: import it again or save a new version.");
        var values = (Variables ?? new Dictionary<string, string>()).ToDictionary(v => v.Key, v => (object?)v.Value, StringComparer.Ordinal);
        return SqlTemplate.Render(template.Name, template.Sql, template.Variables, values);
    }
}
