using System.Globalization;

namespace Aura.Core.Config;

/// <summary>Integers (decimal, 0x, 0o, 0b) and floats, checked against the TOML grammar before conversion.</summary>
internal sealed partial class TomlParser
{
    private enum DigitsResult
    {
        Ok,
        NoDigit,
        BadUnderscore,
    }

    private static object ParseNumber(string token, int line, int column)
    {
        var i = token[0] is '+' or '-' ? 1 : 0;
        if (token.Length > i + 1 && token[i] == '0' && token[i + 1] is 'x' or 'o' or 'b')
        {
            if (i == 1)
            {
                throw Invalid(token, line, column, "a sign is not allowed on hexadecimal, octal or binary integers");
            }

            return ParsePrefixedInteger(token, line, column);
        }

        var intStart = i;
        switch (ScanDigits(token, ref i, 10))
        {
            case DigitsResult.NoDigit:
                throw Invalid(token, line, column, i < token.Length && token[i] == '.' ? "a decimal point must have digits before it" : "expected a digit");
            case DigitsResult.BadUnderscore:
                throw Invalid(token, line, column, "underscores must sit between digits");
        }

        if (i - intStart > 1 && token[intStart] == '0')
        {
            throw Invalid(token, line, column, "leading zeros are not allowed");
        }

        var isFloat = false;
        if (i < token.Length && token[i] == '.')
        {
            i++;
            isFloat = true;
            CheckDigits(token, ref i, line, column, "a decimal point must have digits after it");
        }

        if (i < token.Length && token[i] is 'e' or 'E')
        {
            i++;
            isFloat = true;
            if (i < token.Length && token[i] is '+' or '-')
            {
                i++;
            }

            CheckDigits(token, ref i, line, column, "an exponent must have digits");
        }

        if (i != token.Length)
        {
            throw Invalid(token, line, column, $"unexpected '{token[i]}'");
        }

        var digits = token.Replace("_", "", StringComparison.Ordinal);
        if (isFloat)
        {
            const NumberStyles FloatStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
            if (!double.TryParse(digits, FloatStyle, CultureInfo.InvariantCulture, out var real) || double.IsInfinity(real))
            {
                throw Invalid(token, line, column, "out of range for a 64-bit float");
            }

            return real;
        }

        if (!long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            throw Invalid(token, line, column, "out of range for a 64-bit integer");
        }

        return integer;
    }

    private static long ParsePrefixedInteger(string token, int line, int column)
    {
        var (radix, name) = token[1] switch
        {
            'x' => (16, "hexadecimal"),
            'o' => (8, "octal"),
            _ => (2, "binary"),
        };
        var i = 2;
        switch (ScanDigits(token, ref i, radix))
        {
            case DigitsResult.NoDigit:
                throw Invalid(token, line, column, $"expected {name} digits after '0{token[1]}'");
            case DigitsResult.BadUnderscore:
                throw Invalid(token, line, column, "underscores must sit between digits");
        }

        if (i != token.Length)
        {
            throw Invalid(token, line, column, $"'{token[i]}' is not a {name} digit");
        }

        ulong value = 0;
        for (var j = 2; j < token.Length; j++)
        {
            if (token[j] == '_')
            {
                continue;
            }

            var digit = (ulong)DigitValue(token[j]);
            if (value > (ulong.MaxValue - digit) / (ulong)radix)
            {
                throw Invalid(token, line, column, "out of range for a 64-bit integer");
            }

            value = (value * (ulong)radix) + digit;
        }

        if (value > long.MaxValue)
        {
            throw Invalid(token, line, column, "out of range for a 64-bit integer");
        }

        return (long)value;
    }

    private static void CheckDigits(string token, ref int i, int line, int column, string whenMissing)
    {
        switch (ScanDigits(token, ref i, 10))
        {
            case DigitsResult.NoDigit:
                throw Invalid(token, line, column, whenMissing);
            case DigitsResult.BadUnderscore:
                throw Invalid(token, line, column, "underscores must sit between digits");
        }
    }

    /// <summary>Scans <c>DIGIT *( DIGIT / "_" DIGIT )</c> from <paramref name="i"/>, leaving it after the run.</summary>
    private static DigitsResult ScanDigits(string token, ref int i, int radix)
    {
        if (i >= token.Length || !IsDigit(token[i], radix))
        {
            return i < token.Length && token[i] == '_' ? DigitsResult.BadUnderscore : DigitsResult.NoDigit;
        }

        for (i++; i < token.Length; i++)
        {
            if (token[i] == '_')
            {
                if (i + 1 >= token.Length || !IsDigit(token[i + 1], radix))
                {
                    return DigitsResult.BadUnderscore;
                }

                i++;
            }
            else if (!IsDigit(token[i], radix))
            {
                break;
            }
        }

        return DigitsResult.Ok;
    }

    private static bool IsDigit(char c, int radix) => radix switch
    {
        16 => char.IsAsciiHexDigit(c),
        8 => c is >= '0' and <= '7',
        2 => c is '0' or '1',
        _ => char.IsAsciiDigit(c),
    };

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => c - 'A' + 10,
    };

    private static TomlException Invalid(string token, int line, int column, string reason) =>
        new(line, column, $"invalid number '{token}': {reason}");
}
