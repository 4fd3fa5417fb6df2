using System.Globalization;

namespace NeuroLake.Web.Components.Pages.Cost;

/// <summary>How the Cost pages print an amount: always with its currency; cents from 1 up, six decimals below.</summary>
public static class CostMoney
{
    private const decimal Smallest = 0.000001m;

    public static string Format(decimal amount, string currency)
    {
        var text = Math.Abs(amount) >= 1 || amount == 0 ? amount.ToString("#,0.00", CultureInfo.InvariantCulture)
            : Math.Abs(amount) < Smallest ? (amount < 0 ? "> -" : "< ") + Smallest.ToString("0.######", CultureInfo.InvariantCulture)
            : amount.ToString("0.######", CultureInfo.InvariantCulture);
        return $"{currency} {text}";
    }
}
