using System.Globalization;
using System.Text.RegularExpressions;

namespace NeuroLake.Tests.Web.Api;

/// <summary>
/// A strict reader of Prometheus' text exposition format (version 0.0.4): every line must be a HELP/TYPE comment or a
/// sample <c>name{label="value",...} number [timestamp]</c>; anything else fails the parse, naming the line.
/// </summary>
internal static partial class PrometheusText
{
    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    public static IReadOnlyList<Sample> Parse(string text)
    {
        var samples = new List<Sample>();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (line, number) in text.Split('\n').Select((l, i) => (l, i + 1)))
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith('#'))
            {
                var comment = CommentLine().Match(line);
                Assert.True(comment.Success, $"Line {number} is not a HELP or TYPE comment: {line}");
                if (comment.Groups["kind"].Value == "TYPE")
                {
                    Assert.Contains(comment.Groups["rest"].Value, new[] { "counter", "gauge", "histogram", "summary", "untyped" });
                    types[comment.Groups["name"].Value] = comment.Groups["rest"].Value;
                }

                continue;
            }

            var sample = SampleLine().Match(line);
            Assert.True(sample.Success, $"Line {number} is not a sample: {line}");
            var labels = LabelPair().Matches(sample.Groups["labels"].Value)
                .ToDictionary(m => m.Groups["key"].Value, m => Regex.Unescape(m.Groups["value"].Value), StringComparer.Ordinal);
            var value = sample.Groups["value"].Value switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                "NaN" => double.NaN,
                var v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
            samples.Add(new Sample(sample.Groups["name"].Value, labels, value));
        }

        Assert.NotEmpty(types);
        return samples;
    }

    [GeneratedRegex("""^# (?<kind>HELP|TYPE) (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) ?(?<rest>.*)$""")]
    private static partial Regex CommentLine();

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>([a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*",?)*)\})? (?<value>[-+]?([0-9.eE+-]+|Inf|NaN))( -?[0-9]+)?$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>([^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}
