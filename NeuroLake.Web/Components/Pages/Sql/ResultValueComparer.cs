using NeuroLake.Web.Api;

namespace NeuroLake.Web.Components.Pages.Sql;

/// <summary>
/// Orders result values of one column for the grid: by value when both are comparable of the same type (numbers of
/// different widths compare as numbers), else by their text; NULL sorts after everything.
/// </summary>
public sealed class ResultValueComparer : IComparer<object?>
{
    public static ResultValueComparer Instance { get; } = new();

    public int Compare(object? x, object? y)
    {
        if (x is null || y is null)
        {
            return (x is null).CompareTo(y is null);
        }

        if (x.GetType() == y.GetType() && x is IComparable comparable)
        {
            return comparable.CompareTo(y);
        }

        if (IsNumber(x) && IsNumber(y))
        {
            return Convert.ToDouble(x, System.Globalization.CultureInfo.InvariantCulture)
                .CompareTo(Convert.ToDouble(y, System.Globalization.CultureInfo.InvariantCulture));
        }

        return string.CompareOrdinal(ResultValueText.Format(x), ResultValueText.Format(y));
    }

    private static bool IsNumber(object value) =>
        value is sbyte or short or int or long or byte or ushort or uint or ulong or float or double or decimal;
}
