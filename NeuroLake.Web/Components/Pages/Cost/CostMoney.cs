using System.Globalization;

namespace NeuroLake.Web.Components.Pages.Cost;

/// <summary>How the Cost pages print an amount: always with its currency, to the cent or finer for small amounts.</summary>
public static class CostMoney
{
    public static string Format(decimal amount, string currency) =>
        string.Create(CultureInfo.InvariantCulture, $"{currency} {(Math.Abs(amount) >= 1 || amount == 0 ? amount.ToString("#,0.00", CultureInfo.InvariantCulture) : amount.ToString("0.######", CultureInfo.InvariantCulture))}");
}
