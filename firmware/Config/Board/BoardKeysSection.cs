// Reads and checks the "keys" and "lamps" arrays of a board profile.
using System.Collections;
using DeskPhone.Firmware.Json;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Config.Board
{
    /// <summary>Turns "keys" into <see cref="KeyPin"/>s and "lamps" into <see cref="LampPins"/>, reporting every problem.</summary>
    internal static class BoardKeysSection
    {
        private static readonly string[] KeyFields = { "key", "pin", "activeLow" };
        private static readonly string[] LampFields = { "key", "pin", "green", "red", "activeLow" };
        private static readonly string[] WiredBackends = { BoardBackends.RaspberryPi, BoardBackends.Esp32 };

        /// <summary>Longest key name ("volume" names are short; "line96" is six).</summary>
        private const int MaxKeyNameLength = 16;

        /// <summary>The keys (empty when there are none), or null when "keys" is not an array.</summary>
        public static KeyPin[] ReadKeys(ConfigObject top, string backend, int lineKeys, BoardPins pins, ConfigErrors errors)
        {
            JsonValue list = List(top, "keys", backend, errors);
            if (list == null)
            {
                return new KeyPin[0];
            }
            KeyPin[] keys = new KeyPin[list.Count];
            Hashtable seen = new Hashtable();
            for (int i = 0; i < list.Count; i++)
            {
                KeyPin key = new KeyPin();
                keys[i] = key;
                ConfigObject o = ConfigObject.Open(list[i], "keys[" + i.ToString() + "]", KeyFields, errors);
                if (o == null)
                {
                    continue;
                }
                o.ReportUnknownFields();
                key.KeyCode = KeyName(o, lineKeys, false);
                if (key.KeyCode >= 0)
                {
                    key.KeyName = KeyCodes.Name(key.KeyCode);
                    object first = seen[key.KeyCode];
                    if (first != null)
                    {
                        o.ErrorAt("key", "'" + key.KeyName + "' is already given by keys[" + ((int)first).ToString() + "]");
                    }
                    else
                    {
                        seen[key.KeyCode] = i;
                    }
                }
                key.Pin = pins.Read(o, "pin", true, false);
                key.ActiveLow = o.Boolean("activeLow", true);
            }
            return keys;
        }

        /// <summary>The lamps (empty when there are none), or null when "lamps" is not an array.</summary>
        public static LampPins[] ReadLamps(ConfigObject top, string backend, int lineKeys, int lampColours, BoardPins pins, ConfigErrors errors)
        {
            JsonValue list = List(top, "lamps", backend, errors);
            if (list == null)
            {
                return new LampPins[0];
            }
            LampPins[] lamps = new LampPins[list.Count];
            Hashtable seen = new Hashtable();
            for (int i = 0; i < list.Count; i++)
            {
                LampPins lamp = new LampPins();
                lamps[i] = lamp;
                ConfigObject o = ConfigObject.Open(list[i], "lamps[" + i.ToString() + "]", LampFields, errors);
                if (o == null)
                {
                    continue;
                }
                o.ReportUnknownFields();
                lamp.KeyCode = KeyName(o, lineKeys, true);
                if (lamp.KeyCode >= 0)
                {
                    object first = seen[lamp.KeyCode];
                    if (first != null)
                    {
                        o.ErrorAt("key", KeyCodes.Name(lamp.KeyCode) + " already has a lamp (lamps[" + ((int)first).ToString() + "])");
                    }
                    else
                    {
                        seen[lamp.KeyCode] = i;
                    }
                }
                ReadLampPins(o, lamp, lampColours, pins, errors);
                lamp.ActiveLow = o.Boolean("activeLow", false);
            }
            return lamps;
        }

        /// <summary>The array <paramref name="name"/>, or null when absent (reported if the backend needs it) or not an array.</summary>
        private static JsonValue List(ConfigObject top, string name, string backend, ConfigErrors errors)
        {
            if (!top.Has(name))
            {
                if (backend != null && ConfigObject.IndexOf(WiredBackends, backend) >= 0)
                {
                    BoardFields.MissingFor(top, name, backend, errors);
                }
                return null;
            }
            return top.Container(name, JsonKind.Array, false);
        }

        /// <summary>The key code of field "key"; -1 (error added) when absent, unknown or not allowed here.</summary>
        private static int KeyName(ConfigObject o, int lineKeys, bool lineKeysOnly)
        {
            string s = o.String("key", true, MaxKeyNameLength);
            if (s == null)
            {
                return -1;
            }
            int code;
            if (!KeyCodes.TryParse(s, out code))
            {
                o.ErrorAt("key", "'" + ConfigObject.Printable(s) + "' is not a key name" + Spelling.Hint(s, KnownNames(lineKeys)));
                return -1;
            }
            if (!KeyCodes.IsLine(code))
            {
                if (lineKeysOnly)
                {
                    o.ErrorAt("key", "'" + KeyCodes.Name(code) + "' is not a line key; lamps belong to line keys");
                    return -1;
                }
                return code;
            }
            if (lineKeys > 0 && KeyCodes.LineNumber(code) > lineKeys)
            {
                o.ErrorAt("key", "'" + KeyCodes.Name(code) + "' is beyond lineKeys (" + lineKeys.ToString() + ")");
                return -1;
            }
            return code;
        }

        /// <summary>Single-colour "pin", or two-colour "green" and "red", as <paramref name="lampColours"/> says.</summary>
        private static void ReadLampPins(ConfigObject o, LampPins lamp, int lampColours, BoardPins pins, ConfigErrors errors)
        {
            bool hasPin = o.Has("pin");
            bool hasGreen = o.Has("green");
            bool hasRed = o.Has("red");
            if (!hasPin && !hasGreen && !hasRed)
            {
                BoardFields.AtObject(o, errors, "a lamp needs 'pin' (single colour) or 'green' and 'red' (two colours)");
                return;
            }
            if (hasPin && (hasGreen || hasRed))
            {
                BoardFields.AtObject(o, errors, "give either 'pin' or 'green' and 'red', not both");
                return;
            }
            if (lampColours == 1 && !hasPin)
            {
                BoardFields.AtObject(o, errors, "lampColours is 1: give the LED's 'pin', not 'green'/'red'");
                return;
            }
            if (lampColours == 2 && hasPin)
            {
                BoardFields.AtObject(o, errors, "lampColours is 2: give 'green' and 'red', not 'pin'");
                return;
            }
            if (lampColours == 2 && !(hasGreen && hasRed))
            {
                BoardFields.AtObject(o, errors, "lampColours is 2: give both 'green' and 'red'");
                return;
            }
            lamp.Pin = pins.Read(o, "pin", false, true);
            lamp.Green = pins.Read(o, "green", false, true);
            lamp.Red = pins.Read(o, "red", false, true);
        }

        /// <summary>Every key name a profile may use on a board with <paramref name="lineKeys"/> line keys (for spelling hints).</summary>
        private static string[] KnownNames(int lineKeys)
        {
            ArrayList names = new ArrayList();
            for (int code = 0; code < KeyCodes.LineBase; code++)
            {
                string name = KeyCodes.Name(code);
                if (!(name.Length > 3 && name.Substring(0, 3) == "key"))
                {
                    names.Add(name);
                }
            }
            int lines = lineKeys > 0 ? lineKeys : KeyCodes.MaxLineKeys;
            for (int n = 1; n <= lines; n++)
            {
                names.Add("line" + n.ToString());
            }
            return (string[])names.ToArray(typeof(string));
        }
    }
}
