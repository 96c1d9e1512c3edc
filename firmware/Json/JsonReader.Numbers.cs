// JsonReader, part three: numbers, parsed by hand so no culture or platform parser is involved.
namespace DeskPhone.Firmware.Json
{
    public sealed partial class JsonReader
    {
        private static readonly double[] ExactPowersOfTen =
        {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
        };

        /// <summary>
        /// Reads a number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?. Integers that fit a long
        /// stay exact; everything else becomes a double (correctly rounded for up to 15 significant
        /// digits and exponents within ±22, within a few units in the last place beyond).
        /// </summary>
        private JsonValue ParseNumber()
        {
            int line = _line;
            int column = Column();
            int start = _pos;
            int p = _pos;
            bool negative = false;
            if (_text[p] == '-')
            {
                negative = true;
                p++;
            }
            if (p >= _text.Length || !IsDigit(_text[p]))
            {
                return Stop(line, column, EndHint(p) + "'-' must be followed by a digit");
            }
            if (_text[p] == '0' && p + 1 < _text.Length && IsDigit(_text[p + 1]))
            {
                return Stop(line, column, "numbers must not start with a leading zero");
            }
            int intStart = p;
            while (p < _text.Length && IsDigit(_text[p]))
            {
                p++;
            }
            int intEnd = p;
            int fracStart = p;
            int fracEnd = p;
            if (p < _text.Length && _text[p] == '.')
            {
                p++;
                fracStart = p;
                while (p < _text.Length && IsDigit(_text[p]))
                {
                    p++;
                }
                fracEnd = p;
                if (fracEnd == fracStart)
                {
                    return Stop(line, column, EndHint(p) + "a digit must follow the decimal point");
                }
            }
            bool hasExponent = false;
            long exponent = 0;
            if (p < _text.Length && (_text[p] == 'e' || _text[p] == 'E'))
            {
                hasExponent = true;
                p++;
                bool expNegative = false;
                if (p < _text.Length && (_text[p] == '+' || _text[p] == '-'))
                {
                    expNegative = _text[p] == '-';
                    p++;
                }
                int expStart = p;
                while (p < _text.Length && IsDigit(_text[p]))
                {
                    if (exponent < 100000)
                    {
                        exponent = exponent * 10 + (_text[p] - '0');
                    }
                    p++;
                }
                if (p == expStart)
                {
                    return Stop(line, column, EndHint(p) + "a digit must follow the exponent 'e'");
                }
                if (expNegative)
                {
                    exponent = -exponent;
                }
            }
            if (p - start > MaxNumberLength)
            {
                return Stop(line, column, "the number is longer than " + MaxNumberLength.ToString() + " characters");
            }
            if (p < _text.Length && (IsAsciiLetter(_text[p]) || _text[p] == '.'))
            {
                return Stop(line, column, "unexpected " + DescribeAt(p) + " in a number");
            }
            _pos = p;
            string token = _text.Substring(start, p - start);

            if (fracEnd == fracStart && !hasExponent)
            {
                long whole;
                if (TryWholeNumber(intStart, intEnd, negative, out whole))
                {
                    return JsonValue.NewInteger(whole, token, line, column);
                }
            }
            double d = ToDouble(intStart, intEnd, fracStart, fracEnd, exponent, negative);
            if (d > double.MaxValue || d < -double.MaxValue) // infinite; compared so no platform call is needed
            {
                return Stop(line, column, "the number " + token + " is too large");
            }
            return JsonValue.NewDouble(d, token, line, column);
        }

        /// <summary>Digits [start, end) as a long, accumulated negatively so long.MinValue fits; false on overflow.</summary>
        private bool TryWholeNumber(int start, int end, bool negative, out long value)
        {
            long acc = 0;
            value = 0;
            for (int i = start; i < end; i++)
            {
                int d = _text[i] - '0';
                if (acc < (long.MinValue + d) / 10)
                {
                    return false;
                }
                acc = acc * 10 - d;
            }
            if (!negative)
            {
                if (acc == long.MinValue)
                {
                    return false;
                }
                acc = -acc;
            }
            value = acc;
            return true;
        }

        private double ToDouble(int intStart, int intEnd, int fracStart, int fracEnd, long exponent, bool negative)
        {
            // Up to 18 significant digits go into the mantissa; the rest only shift the exponent.
            long mantissa = 0;
            int digits = 0;
            long scale = exponent;
            bool leading = true;
            for (int i = intStart; i < intEnd; i++)
            {
                int d = _text[i] - '0';
                if (leading && d == 0)
                {
                    continue;
                }
                leading = false;
                if (digits < 18)
                {
                    mantissa = mantissa * 10 + d;
                    digits++;
                }
                else
                {
                    scale++;
                }
            }
            for (int i = fracStart; i < fracEnd; i++)
            {
                int d = _text[i] - '0';
                if (leading && d == 0)
                {
                    scale--;
                    continue;
                }
                leading = false;
                if (digits < 18)
                {
                    mantissa = mantissa * 10 + d;
                    digits++;
                    scale--;
                }
            }
            double result;
            if (mantissa == 0)
            {
                result = 0.0;
            }
            else if (scale == 0)
            {
                result = mantissa;
            }
            else if (mantissa < (1L << 53) && scale > 0 && scale <= 22)
            {
                result = mantissa * ExactPowersOfTen[scale];
            }
            else if (mantissa < (1L << 53) && scale < 0 && scale >= -22)
            {
                result = mantissa / ExactPowersOfTen[-scale];
            }
            else if (scale > 400)
            {
                result = double.PositiveInfinity;
            }
            else if (scale < -400)
            {
                result = 0.0;
            }
            else
            {
                result = mantissa;
                long s = scale;
                while (s > 22)
                {
                    result *= 1e22;
                    s -= 22;
                }
                while (s < -22)
                {
                    result /= 1e22;
                    s += 22;
                }
                result = s >= 0 ? result * ExactPowersOfTen[s] : result / ExactPowersOfTen[-s];
            }
            return negative ? -result : result;
        }

        private string EndHint(int p)
        {
            return p >= _text.Length ? "unexpected end of text: " : "";
        }

        private static bool IsDigit(char c)
        {
            return c >= '0' && c <= '9';
        }
    }
}
