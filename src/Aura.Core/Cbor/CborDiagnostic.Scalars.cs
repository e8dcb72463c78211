using System.Globalization;

namespace Aura.Core.Cbor;

internal static partial class CborDiagnostic
{
    /// <summary>
    /// Formats a float the way RFC 8949's examples do: ECMAScript's shortest round-trip number text, with
    /// ".0" added to a mantissa that has no point (<c>1.0e+300</c>, <c>100000.0</c>, <c>0.00006103515625</c>).
    /// </summary>
    public static string FormatDouble(double value)
    {
        if (!double.IsFinite(value))
        {
            return double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var sign = text[0] == '-' ? "-" : "";
        var e = text.IndexOf('E', StringComparison.Ordinal);
        var mantissa = text[sign.Length..(e < 0 ? text.Length : e)];
        var exponent = e < 0 ? 0 : int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerPart = dot < 0 ? mantissa : mantissa[..dot];
        var digits = dot < 0 ? mantissa : string.Concat(integerPart, mantissa.AsSpan(dot + 1));

        // The value is 0.<digits> × 10^point once leading zeros are gone.
        var point = integerPart.Length + exponent;
        var trimmed = digits.TrimStart('0');
        point -= digits.Length - trimmed.Length;
        digits = trimmed.TrimEnd('0');
        if (digits.Length == 0)
        {
            return sign + "0.0";
        }

        var body = point switch
        {
            > 21 or <= -6 => string.Create(
                CultureInfo.InvariantCulture,
                $"{digits[0]}.{(digits.Length > 1 ? digits[1..] : "0")}e{(point > 0 ? "+" : "-")}{Math.Abs(point - 1)}"),
            _ when digits.Length <= point => string.Concat(digits, new string('0', point - digits.Length), ".0"),
            > 0 => string.Concat(digits.AsSpan(0, point), ".", digits.AsSpan(point)),
            _ => string.Concat("0.", new string('0', -point), digits),
        };
        return sign + body;
    }

    private static string SimpleOrFloat(CborHead head)
    {
        if (head.IsFloat)
        {
            return FormatDouble(head.ToDouble());
        }

        return head.Argument switch
        {
            20 => "false",
            21 => "true",
            22 => "null",
            23 => "undefined",
            _ => string.Create(CultureInfo.InvariantCulture, $"simple({head.Argument})"),
        };
    }
}
