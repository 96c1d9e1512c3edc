// Field readers the board sections share: backend-only fields, I2C addresses, located errors.
using DeskPhone.Firmware.Json;

namespace DeskPhone.Firmware.Config.Board
{
    /// <summary>Checks shared by the sections of a board profile.</summary>
    internal static class BoardFields
    {
        /// <summary>Lowest and highest 7-bit I2C address a device may use (0x00-0x02 and 0x78-0x7F are reserved).</summary>
        public const int MinI2cAddress = 0x03;
        public const int MaxI2cAddress = 0x77;

        /// <summary>
        /// True when <paramref name="backend"/> is one of <paramref name="backends"/>. When it is not and
        /// the field is written, reports "only for backend X (this profile's backend is Y)". An unknown
        /// backend (null) accepts everything, so a typo in "backend" does not cascade.
        /// </summary>
        public static bool AllowedFor(ConfigObject o, string name, string backend, string[] backends)
        {
            if (backend == null || ConfigObject.IndexOf(backends, backend) >= 0)
            {
                return true;
            }
            if (o.Has(name))
            {
                string which = backends.Length == 1 ? "backend " + backends[0] : "backends " + backends[0] + " and " + backends[1];
                o.ErrorAt(name, "only for " + which + " (this profile's backend is " + backend + ")");
            }
            return false;
        }

        /// <summary>Reports a field <paramref name="backend"/> needs but the object lacks, at the object.</summary>
        public static void MissingFor(ConfigObject o, string name, string backend, ConfigErrors errors)
        {
            AtObject(o, errors, "missing required field '" + name + "' (backend " + backend + " needs it)");
        }

        /// <summary>A problem with the object as a whole, at its opening brace.</summary>
        public static void AtObject(ConfigObject o, ConfigErrors errors, string message)
        {
            errors.Add(o.Value.Line, o.Value.Column, o.Path, message);
        }

        /// <summary>A whole number that must be there; -1 (error added) when absent or wrong.</summary>
        public static int RequiredInteger(ConfigObject o, string name, int min, int max)
        {
            if (!o.Has(name))
            {
                o.Missing(name);
                return -1;
            }
            return o.Integer(name, min, max, -1);
        }

        /// <summary>
        /// An I2C address written as a hex string ("0x3C") or a number; <paramref name="defaultValue"/>
        /// when absent, -1 (error added) when wrong.
        /// </summary>
        public static int I2cAddress(ConfigObject o, string name, int defaultValue)
        {
            JsonValue v = o.Get(name);
            if (v == null)
            {
                return defaultValue;
            }
            int address;
            if (v.Kind == JsonKind.Number)
            {
                if (!v.IsInteger)
                {
                    o.ErrorAt(name, "expected a whole number, found " + ConfigObject.Printable(v.NumberText));
                    return -1;
                }
                address = v.IntegerValue < 0 || v.IntegerValue > 0xFFFF ? 0xFFFF : (int)v.IntegerValue;
            }
            else if (v.Kind == JsonKind.String)
            {
                address = ParseHex(v.StringValue);
                if (address < 0)
                {
                    o.ErrorAt(name, "'" + ConfigObject.Printable(v.StringValue) + "' is not an I2C address; write it in hex, like \"0x3C\"");
                    return -1;
                }
            }
            else
            {
                o.ErrorAt(name, "expected a string like \"0x3C\" or a number, found " + ConfigObject.Found(v));
                return -1;
            }
            if (address < MinI2cAddress || address > MaxI2cAddress)
            {
                o.ErrorAt(name, HexByte(address) + " is out of range (" + HexByte(MinI2cAddress) + "-" + HexByte(MaxI2cAddress) + ")");
                return -1;
            }
            return address;
        }

        /// <summary>"0x3C" for 60: upper-case hex, at least two digits (char arrays: no string + char concatenation).</summary>
        public static string HexByte(int value)
        {
            const string digits = "0123456789ABCDEF";
            int count = 2;
            while (count < 8 && (value >> (4 * count)) != 0)
            {
                count++;
            }
            char[] text = new char[2 + count];
            text[0] = '0';
            text[1] = 'x';
            for (int i = 0; i < count; i++)
            {
                text[1 + count - i] = digits[(value >> (4 * i)) & 0xF];
            }
            return new string(text);
        }

        /// <summary>"0x3C" or "0x3c" (one to four hex digits) to its value; -1 otherwise.</summary>
        private static int ParseHex(string s)
        {
            if (s.Length < 3 || s.Length > 6 || s[0] != '0' || (s[1] != 'x' && s[1] != 'X'))
            {
                return -1;
            }
            int value = 0;
            for (int i = 2; i < s.Length; i++)
            {
                char c = s[i];
                int digit = c >= '0' && c <= '9' ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10
                    : -1;
                if (digit < 0)
                {
                    return -1;
                }
                value = value * 16 + digit;
            }
            return value;
        }
    }
}
