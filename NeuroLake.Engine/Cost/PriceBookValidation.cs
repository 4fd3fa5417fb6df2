using System.Globalization;

namespace NeuroLake.Engine.Cost;

/// <summary>Refuses a price book that cannot be priced with: negative or missing figures, a bad currency, no cores.</summary>
public static class PriceBookValidation
{
    public const int TextMaxLength = 200;

    /// <summary>Every problem of <paramref name="book"/>, each naming the field and the fix; empty when it is valid.</summary>
    public static IReadOnlyList<string> Problems(PriceBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        var problems = new List<string>();
        Text(problems, "Name", book.Name);
        Text(problems, "Source", book.Source);
        if (book.Currency is not { Length: 3 } || !book.Currency.All(char.IsAsciiLetterUpper))
        {
            problems.Add($"Currency is '{book.Currency}': use a three-letter ISO 4217 code in capitals, e.g. USD or EUR.");
        }

        if (book.PricesAsOf == default)
        {
            problems.Add("PricesAsOf is missing: give the day the prices were read from their source.");
        }

        foreach (var (field, price) in Prices(book))
        {
            if (price < 0)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{field} is {price}: a price cannot be negative; enter 0 for something free."));
            }
        }

        if (book.MachineCores < 1)
        {
            problems.Add($"MachineCores is {book.MachineCores}: give the machine's number of cores (at least 1).");
        }

        return problems;
    }

    /// <summary>Throws a <see cref="CostException"/> listing every problem of <paramref name="book"/>.</summary>
    public static PriceBook Validated(PriceBook book)
    {
        var problems = Problems(book);
        return problems.Count == 0 ? book : throw new CostException("The price book was not saved: " + string.Join(" ", problems));
    }

    private static void Text(List<string> problems, string field, string value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > TextMaxLength)
        {
            problems.Add($"{field} is missing or too long: give 1 to {TextMaxLength} characters.");
        }
    }

    private static IEnumerable<(string Field, decimal Price)> Prices(PriceBook book) =>
    [
        (nameof(book.HotPerGbMonth), book.HotPerGbMonth),
        (nameof(book.WarmPerGbMonth), book.WarmPerGbMonth),
        (nameof(book.ColdPerGbMonth), book.ColdPerGbMonth),
        (nameof(book.PutPer1000), book.PutPer1000),
        (nameof(book.GetPer1000), book.GetPer1000),
        (nameof(book.EgressPerGb), book.EgressPerGb),
        (nameof(book.LocalDiskPerGbMonth), book.LocalDiskPerGbMonth),
        (nameof(book.MachinePerHour), book.MachinePerHour),
        (nameof(book.CloudComputePerVcpuHour), book.CloudComputePerVcpuHour),
    ];
}
