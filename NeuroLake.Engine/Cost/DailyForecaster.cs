using System.Globalization;

namespace NeuroLake.Engine.Cost;

/// <summary>
/// Forecasts a daily series with a linear trend plus day-of-week seasonality (one offset per weekday, Monday the
/// baseline), fitted by ordinary least squares. Each forecast day gets a prediction interval from the residuals:
/// Student's t × residual standard deviation × √(1 + leverage of the new day), which widens with distance from the
/// history. It assumes residuals are independent and equally spread; a series with a changing trend outruns it.
/// </summary>
public static class DailyForecaster
{
    /// <summary>Two full weeks: fewer leave too few degrees of freedom for an honest interval.</summary>
    public const int MinimumDays = 14;

    private const int Parameters = 8; // intercept, trend, six weekday offsets

    /// <summary>Forecasts the <paramref name="horizonDays"/> days after the last day of <paramref name="history"/>.</summary>
    /// <exception cref="CostException">The history repeats a day, the horizon is not 1–366 days, or the confidence is not in (0, 1).</exception>
    public static Forecast Fit(IReadOnlyList<DailyValue> history, int horizonDays, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(history);
        Check(history, horizonDays, confidence);
        if (history.Count < MinimumDays)
        {
            return Forecast.TooLittle(
                string.Create(CultureInfo.InvariantCulture, $"Too little history to forecast: {history.Count} days measured, at least {MinimumDays} needed."), confidence);
        }

        var missing = Enum.GetValues<DayOfWeek>().Where(d => history.All(h => h.Day.DayOfWeek != d)).ToList();
        if (missing.Count > 0)
        {
            return Forecast.TooLittle($"Too little history to forecast weekly seasonality: no measurement on {string.Join(", ", missing)}.", confidence);
        }

        var first = history.Min(h => h.Day);
        var rows = history.Select(h => Row(h.Day, first)).ToArray();
        var xtx = new double[Parameters, Parameters];
        var xty = new double[Parameters];
        for (var i = 0; i < rows.Length; i++)
        {
            for (var a = 0; a < Parameters; a++)
            {
                xty[a] += rows[i][a] * history[i].Value;
                for (var b = 0; b < Parameters; b++)
                {
                    xtx[a, b] += rows[i][a] * rows[i][b];
                }
            }
        }

        var inverse = Matrix.Invert(xtx);
        var beta = Matrix.Multiply(inverse, xty);
        var residuals = history.Select((h, i) => h.Value - Matrix.Dot(rows[i], beta)).ToArray();
        var dof = history.Count - Parameters;
        var sigma = Math.Sqrt(residuals.Sum(r => r * r) / dof);
        var t = StudentT.Quantile(0.5 + confidence / 2, dof);
        var last = history.Max(h => h.Day);
        var points = Enumerable.Range(1, horizonDays).Select(ahead =>
        {
            var day = last.AddDays(ahead);
            var x = Row(day, first);
            var expected = Matrix.Dot(x, beta);
            var half = t * sigma * Math.Sqrt(1 + Matrix.Dot(x, Matrix.Multiply(inverse, x)));
            return new ForecastPoint(day, expected, expected - half, expected + half);
        }).ToList();
        return new Forecast(true, null, points, beta[1], sigma, confidence);
    }

    private static void Check(IReadOnlyList<DailyValue> history, int horizonDays, double confidence)
    {
        if (horizonDays is < 1 or > 366)
        {
            throw new CostException($"A forecast covers 1 to 366 days; {horizonDays} were asked for.");
        }

        if (confidence is not (> 0 and < 1))
        {
            throw new CostException(string.Create(CultureInfo.InvariantCulture, $"The confidence is {confidence}: give a probability between 0 and 1, e.g. 0.95."));
        }

        var repeated = history.GroupBy(h => h.Day).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new CostException($"The series has {repeated.Count()} values for {repeated.Key:yyyy-MM-dd}: give one value per day.");
        }

        if (history.Any(h => !double.IsFinite(h.Value)))
        {
            throw new CostException("The series holds a value that is not a finite number: remove it or measure the day again.");
        }
    }

    /// <summary>The design row of a day: 1, days since the first, and a 1 in its weekday's column (Monday has none).</summary>
    private static double[] Row(DateOnly day, DateOnly first)
    {
        var row = new double[Parameters];
        row[0] = 1;
        row[1] = day.DayNumber - first.DayNumber;
        var weekday = ((int)day.DayOfWeek + 6) % 7; // Monday 0 ... Sunday 6
        if (weekday > 0)
        {
            row[1 + weekday] = 1;
        }

        return row;
    }
}
