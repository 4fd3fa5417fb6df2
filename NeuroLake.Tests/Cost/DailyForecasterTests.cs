using NeuroLake.Engine.Cost;

namespace NeuroLake.Tests.Cost;

public sealed class DailyForecasterTests
{
    private static readonly DateOnly Start = new(2026, 3, 2); // a Monday

    // Weekday effects, Monday first: busy midweek, quiet weekend.
    private static readonly double[] Weekly = [0, 12, 20, 15, 5, -25, -30];

    private static double Truth(int t) => 1000 + 4 * t + Weekly[t % 7];

    [Fact]
    public void A_noiseless_series_is_recovered_exactly_and_its_band_collapses()
    {
        var history = Series(42, t => Truth(t));

        var forecast = DailyForecaster.Fit(history, 30);

        Assert.True(forecast.HasEnoughHistory);
        Assert.Equal(4, forecast.TrendPerDay, 6);
        Assert.Equal(30, forecast.Points.Count);
        Assert.Equal(Start.AddDays(42), forecast.Points[0].Day);
        Assert.All(forecast.Points.Select((p, i) => (p, t: 42 + i)), x =>
        {
            Assert.Equal(Truth(x.t), x.p.Expected, 6);
            Assert.True(x.p.High - x.p.Low < 1e-6);
        });
    }

    [Fact]
    public void With_noise_the_true_trend_and_seasonality_lie_inside_every_interval_and_most_new_observations_too()
    {
        var random = new Random(17);
        var history = Series(70, t => Truth(t) + Gaussian(random, 8));
        var future = Enumerable.Range(70, 90).Select(t => Truth(t) + Gaussian(random, 8)).ToList();

        var forecast = DailyForecaster.Fit(history, 90);

        Assert.InRange(forecast.TrendPerDay, 3.7, 4.3);
        Assert.InRange(forecast.ResidualStdDev, 6, 10);
        Assert.All(forecast.Points.Select((p, i) => (p, t: 70 + i)), x => Assert.InRange(Truth(x.t), x.p.Low, x.p.High));
        var covered = forecast.Points.Zip(future).Count(x => x.Second >= x.First.Low && x.Second <= x.First.High);
        Assert.InRange(covered, 81, 90); // 95% intervals: about 85 of 90 expected
        Assert.True(forecast.Points[^1].High - forecast.Points[^1].Low > forecast.Points[0].High - forecast.Points[0].Low, "the band widens with distance");
    }

    [Fact]
    public void Below_two_weeks_of_history_it_says_so_instead_of_forecasting()
    {
        var forecast = DailyForecaster.Fit(Series(13, Truth), 30);

        Assert.False(forecast.HasEnoughHistory);
        Assert.Empty(forecast.Points);
        Assert.Equal("Too little history to forecast: 13 days measured, at least 14 needed.", forecast.Message);
    }

    [Fact]
    public void A_history_never_measured_on_some_weekday_cannot_fit_its_seasonality()
    {
        var noSundays = Series(28, Truth).Where(d => d.Day.DayOfWeek != DayOfWeek.Sunday).ToList();

        var forecast = DailyForecaster.Fit(noSundays, 30);

        Assert.False(forecast.HasEnoughHistory);
        Assert.Contains("no measurement on Sunday", forecast.Message);
    }

    [Fact]
    public void Repeated_days_and_impossible_horizons_are_refused()
    {
        var history = Series(20, Truth);

        Assert.Contains("2 values for 2026-03-02", Assert.Throws<CostException>(() => DailyForecaster.Fit([.. history, history[0]], 30)).Message);
        Assert.Contains("1 to 366 days", Assert.Throws<CostException>(() => DailyForecaster.Fit(history, 0)).Message);
        Assert.Contains("between 0 and 1", Assert.Throws<CostException>(() => DailyForecaster.Fit(history, 30, 1.5)).Message);
    }

    private static List<DailyValue> Series(int days, Func<int, double> value) =>
        Enumerable.Range(0, days).Select(t => new DailyValue(Start.AddDays(t), value(t))).ToList();

    private static double Gaussian(Random random, double sigma) =>
        sigma * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
