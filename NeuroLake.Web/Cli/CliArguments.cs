namespace NeuroLake.Web.Cli;

/// <summary>
/// An operator command line split three ways: the verb, its own words and <c>--options</c>, and the configuration
/// overrides the web app also takes (<c>--NeuroLake:DataDirectory=/srv/lake</c>, anything with a colon), which go to the
/// host so the command sees the same settings as the app.
/// </summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, string?> _options;

    private CliArguments(string verb, IReadOnlyList<string> positional, Dictionary<string, string?> options, IReadOnlyList<string> configuration) =>
        (Verb, Positional, _options, Configuration) = (verb, positional, options, configuration);

    public string Verb { get; }

    public IReadOnlyList<string> Positional { get; }

    public IReadOnlyList<string> Configuration { get; }

    /// <summary>Options that take no value.</summary>
    private static readonly HashSet<string> Switches = new(StringComparer.Ordinal) { "--all", "--apply", "--json", "--in-place" };

    public static CliArguments Parse(IReadOnlyList<string> args)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        var configuration = new List<string>();
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains(':', StringComparison.Ordinal))
            {
                configuration.Add(arg);
                if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Count)
                {
                    configuration.Add(args[++i]);
                }
            }
            else if (Switches.Contains(arg))
            {
                options[arg] = null;
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                // A missing value is left for the verb to name (it knows what the option is for).
                options[arg] = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            }
            else
            {
                positional.Add(arg);
            }
        }

        return new CliArguments(args[0], positional, options, configuration);
    }

    public bool Has(string option) => _options.ContainsKey(option);

    public string? Option(string option) => _options.GetValueOrDefault(option);

    /// <summary>Refuses options the verb does not know, so a typo never silently changes what runs.</summary>
    /// <exception cref="CliUsageException">An option is not among <paramref name="known"/>.</exception>
    public void Allow(params string[] known)
    {
        if (_options.Keys.FirstOrDefault(o => !known.Contains(o, StringComparer.Ordinal)) is { } unknown)
        {
            throw new CliUsageException(known.Length == 0
                ? $"'{Verb}' takes no option {unknown}."
                : $"'{Verb}' does not know {unknown}; it takes {string.Join(", ", known)}.");
        }
    }
}
