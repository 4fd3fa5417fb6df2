using System.Globalization;

namespace NeuroLake.Engine.DuckDb;

/// <summary>
/// A DECIMAL exactly as DuckDB stores it: the unscaled integer and the scale.
/// Read it with <c>GetFieldValue&lt;DuckDbDecimal&gt;</c> when a DECIMAL(38,s) value may exceed
/// <see cref="decimal"/>'s range (about 7.9e28 unscaled, 28 digits after the point).
/// </summary>
public readonly record struct DuckDbDecimal(Int128 Unscaled, byte Width, byte Scale)
{
    private const int MaxDecimalScale = 28;
    private static readonly Int128 MaxMantissa = (Int128)decimal.MaxValue;

    /// <summary>The value as <see cref="decimal"/>, rounded half away from zero to 28 digits after the point when the scale is larger.</summary>
    /// <exception cref="OverflowException">The value is beyond <see cref="decimal"/>'s range.</exception>
    public decimal ToDecimal()
    {
        if (!TryToDecimal(out var value))
        {
            throw new OverflowException(
                $"The DECIMAL({Width},{Scale}) value {this} does not fit System.Decimal. " +
                "Read it as DuckDbDecimal (GetFieldValue<DuckDbDecimal>) or CAST it to DOUBLE or VARCHAR in SQL.");
        }

        return value;
    }

    /// <summary>Converts to <see cref="decimal"/> when the value fits.</summary>
    public bool TryToDecimal(out decimal value)
    {
        var unscaled = Unscaled;
        var scale = (int)Scale;
        if (scale > MaxDecimalScale)
        {
            var divisor = Int128.One;
            for (var i = MaxDecimalScale; i < scale; i++)
            {
                divisor *= 10;
            }

            var quotient = Int128.DivRem(unscaled, divisor);
            unscaled = quotient.Quotient + (Int128.Abs(quotient.Remainder) * 2 >= divisor ? Int128.Sign(unscaled) : 0);
            scale = MaxDecimalScale;
        }

        if (unscaled > MaxMantissa || unscaled < -MaxMantissa)
        {
            value = default;
            return false;
        }

        value = FromMantissa(unscaled, (byte)scale);
        return true;
    }

    internal static decimal FromMantissa(Int128 unscaled, byte scale)
    {
        var negative = unscaled < 0;
        var magnitude = (UInt128)(negative ? -unscaled : unscaled);
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), negative, scale);
    }

    /// <summary>The exact value in invariant notation, e.g. <c>-12.340</c>.</summary>
    public override string ToString()
    {
        var digits = Int128.Abs(Unscaled).ToString(CultureInfo.InvariantCulture);
        if (Scale > 0)
        {
            digits = digits.PadLeft(Scale + 1, '0');
            digits = digits[..^Scale] + "." + digits[^Scale..];
        }

        return Unscaled < 0 ? "-" + digits : digits;
    }
}
