using System.Text.Json;

namespace NeuroLake.Web.Components.Pages.Sql;

/// <summary>An editor tab: a stable id, its title and the SQL typed in it.</summary>
public sealed record EditorTab(string Id, string Title, string Sql);

/// <summary>
/// The SQL editor's tabs and which one is active. There is always at least one tab. Saved as JSON (in the browser's
/// localStorage) so tabs survive reloads; unreadable saved state starts over with one empty tab.
/// </summary>
public sealed class EditorTabs
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly List<EditorTab> _tabs = [];

    public EditorTabs() => ActiveId = Add().Id;

    public IReadOnlyList<EditorTab> Tabs => _tabs;

    public string ActiveId { get; private set; }

    public EditorTab Active => _tabs.First(t => t.Id == ActiveId);

    /// <summary>Opens a new tab titled "Query N" (the lowest N not in use) holding <paramref name="sql"/>, and makes it active.</summary>
    public EditorTab Add(string sql = "")
    {
        var number = 1;
        while (_tabs.Any(t => t.Title == $"Query {number}"))
        {
            number++;
        }

        var tab = new EditorTab(Guid.NewGuid().ToString("N"), $"Query {number}", sql);
        _tabs.Add(tab);
        ActiveId = tab.Id;
        return tab;
    }

    public void Activate(string id)
    {
        Require(id);
        ActiveId = id;
    }

    /// <summary>Closes a tab; the active tab closing hands over to its right neighbour (else the left); the last tab closing leaves one new empty tab.</summary>
    public void Close(string id)
    {
        var index = _tabs.IndexOf(Require(id));
        _tabs.RemoveAt(index);
        if (_tabs.Count == 0)
        {
            Add();
        }
        else if (ActiveId == id)
        {
            ActiveId = _tabs[Math.Min(index, _tabs.Count - 1)].Id;
        }
    }

    public void UpdateSql(string id, string sql)
    {
        var index = _tabs.IndexOf(Require(id));
        _tabs[index] = _tabs[index] with { Sql = sql };
    }

    public string ToJson() => JsonSerializer.Serialize(new SavedTabs(_tabs, ActiveId), Json);

    /// <summary>The tabs saved by <see cref="ToJson"/>; null, empty or unreadable JSON gives one empty tab.</summary>
    public static EditorTabs FromJson(string? json)
    {
        var restored = new EditorTabs();
        SavedTabs? saved;
        try
        {
            saved = string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<SavedTabs>(json, Json);
        }
        catch (JsonException)
        {
            saved = null;
        }

        var tabs = saved?.Tabs?.Where(t => !string.IsNullOrEmpty(t?.Id) && t.Title is not null).DistinctBy(t => t.Id).ToList();
        if (tabs is not { Count: > 0 })
        {
            return restored;
        }

        restored._tabs.Clear();
        restored._tabs.AddRange(tabs.Select(t => t with { Sql = t.Sql ?? "" }));
        restored.ActiveId = tabs.Any(t => t.Id == saved!.ActiveId) ? saved!.ActiveId! : tabs[0].Id;
        return restored;
    }

    private EditorTab Require(string id) =>
        _tabs.FirstOrDefault(t => t.Id == id) ?? throw new ArgumentException($"No editor tab has id '{id}'.", nameof(id));

    private sealed record SavedTabs(List<EditorTab>? Tabs, string? ActiveId);
}
