namespace NeuroLake.Engine.Cost;

/// <summary>One day's value of a daily series (bytes stored, CPU hours, cost).</summary>
public sealed record DailyValue(DateOnly Day, double Value);

/// <summary>A forecast day: the expected value and the prediction interval around it.</summary>
public sealed record ForecastPoint(DateOnly Day, double Expected, double Low, double High);

/// <summary>
/// A daily series' forecast, or why there is none (<see cref="Message"/>, e.g. too little history).
/// </summary>
/// <param name="TrendPerDay">The fitted linear trend: change per day, seasonality aside.</param>
/// <param name="ResidualStdDev">Spread of the history around the fit; the intervals grow from it.</param>
/// <param name="Confidence">The chance each interval is meant to hold the day's actual value (e.g. 0.95).</param>
public sealed record Forecast(
    bool HasEnoughHistory, string? Message, IReadOnlyList<ForecastPoint> Points, double TrendPerDay, double ResidualStdDev, double Confidence)
{
    public static Forecast TooLittle(string message, double confidence) => new(false, message, [], 0, 0, confidence);
}
