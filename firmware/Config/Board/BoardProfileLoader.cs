// Turns a board profile's text into a BoardProfile, or into every error the file has.
using DeskPhone.Firmware.Json;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Config.Board
{
    /// <summary>
    /// Checks a board profile (boards/profiles/NAME.json) completely and builds a
    /// <see cref="BoardProfile"/> only when it has no errors. Errors name file:line:column and the
    /// field, like <see cref="DeviceConfigLoader"/>'s, and all are reported at once (a JSON syntax
    /// error stops the reading). Never throws for bad input. The format is in firmware/Config/README.md.
    /// </summary>
    public static class BoardProfileLoader
    {
        private static readonly string[] TopFields =
        {
            "name", "description", "backend", "lineKeys", "expansionPages", "lampColours",
            "display", "gpio", "keys", "lamps", "codec"
        };

        private static readonly string[] GpioFields = { "chip" };
        private static readonly string[] PiOnly = { BoardBackends.RaspberryPi };

        /// <summary>
        /// The name a profile has once deployed beside device.json (deskphone-provision writes it; the Pi
        /// reads /etc/deskphone/board.json, the ESP32 I:\board.json). A file of this name may hold any
        /// profile: the device file's "device.board" says which one it must be.
        /// </summary>
        public const string DeployedFileName = "board.json";

        /// <summary>Longest description.</summary>
        public const int MaxDescriptionLength = 400;

        /// <summary>Most expansion pages.</summary>
        public const int MaxExpansionPages = 3;

        /// <summary>
        /// Reads <paramref name="json"/> (the file named <paramref name="fileName"/>, used in messages; its
        /// name without directory and ".json" must equal the profile's "name", unless it is a deployed
        /// <see cref="DeployedFileName"/>). Returns true with
        /// <paramref name="profile"/> set and <paramref name="errors"/> empty, or false with profile null
        /// and every problem in errors, sorted by position.
        /// </summary>
        public static bool TryLoad(string fileName, string json, out BoardProfile profile, out ConfigErrors errors)
        {
            profile = null;
            errors = new ConfigErrors(fileName);
            JsonValue root;
            JsonError[] jsonErrors;
            JsonReader.TryParseAll(json == null ? "" : json, out root, out jsonErrors);
            for (int i = 0; i < jsonErrors.Length; i++)
            {
                JsonError e = jsonErrors[i];
                errors.Add(e.Line, e.Column, e.Path, e.Message);
            }
            if (root == null)
            {
                return false;
            }
            BoardProfile built = Build(fileName, root, errors);
            errors.SortByPosition();
            if (errors.Count > 0 || errors.Truncated || built == null)
            {
                return false;
            }
            profile = built;
            return true;
        }

        /// <summary>"rpi-desk-8" for "boards/profiles/rpi-desk-8.json" (or "C:\x\rpi-desk-8.json").</summary>
        public static string ProfileNameOf(string fileName)
        {
            if (fileName == null)
            {
                return "";
            }
            int slash = fileName.LastIndexOf('/');
            int backslash = fileName.LastIndexOf('\\');
            int start = (slash > backslash ? slash : backslash) + 1;
            string name = fileName.Substring(start);
            if (name.Length > 5 && name.Substring(name.Length - 5) == ".json")
            {
                name = name.Substring(0, name.Length - 5);
            }
            return name;
        }

        private static BoardProfile Build(string fileName, JsonValue root, ConfigErrors errors)
        {
            ConfigObject top = ConfigObject.Open(root, "", TopFields, errors);
            if (top == null)
            {
                return null;
            }
            top.ReportUnknownFields();
            BoardProfile profile = new BoardProfile();
            profile.Name = DeviceConfigLoader.Identifier(top, "name", true);
            string expected = ProfileNameOf(fileName);
            bool deployed = expected == ProfileNameOf(DeployedFileName);
            if (profile.Name != null && expected.Length > 0 && !deployed && profile.Name != expected)
            {
                top.ErrorAt("name", "'" + profile.Name + "' does not match the file name (expected '" + ConfigObject.Printable(expected) + "')");
            }
            string description = top.String("description", false, MaxDescriptionLength);
            profile.Description = description == null ? "" : description;
            int backendIndex = top.Choice("backend", BoardBackends.All, "a backend", true);
            string backend = backendIndex < 0 ? null : BoardBackends.All[backendIndex];
            profile.Backend = backend;
            profile.LineKeys = BoardFields.RequiredInteger(top, "lineKeys", 1, KeyCodes.MaxLineKeys);
            profile.ExpansionPages = top.Integer("expansionPages", 0, MaxExpansionPages, 0);
            profile.LampColours = BoardFields.RequiredInteger(top, "lampColours", 1, 2);

            // Pins are claimed in this order, so a clash names the earlier field.
            BoardPins pins = new BoardPins(backend);
            profile.Display = BoardDisplaySection.Read(top, backend, pins, errors);
            profile.GpioChip = ReadGpio(top, backend, errors);
            profile.Codec = BoardCodecSection.Read(top, backend, pins, errors);
            profile.Keys = BoardKeysSection.ReadKeys(top, backend, profile.LineKeys, pins, errors);
            profile.Lamps = BoardKeysSection.ReadLamps(top, backend, profile.LineKeys, profile.LampColours, pins, errors);
            return profile;
        }

        /// <summary>"gpio": { "chip": "/dev/gpiochipN" }, required on the Pi and only there.</summary>
        private static string ReadGpio(ConfigObject top, string backend, ConfigErrors errors)
        {
            if (!BoardFields.AllowedFor(top, "gpio", backend, PiOnly) || backend == null)
            {
                return null;
            }
            if (!top.Has("gpio"))
            {
                BoardFields.MissingFor(top, "gpio", backend, errors);
                return null;
            }
            JsonValue v = top.Container("gpio", JsonKind.Object, true);
            if (v == null)
            {
                return null;
            }
            ConfigObject o = ConfigObject.Open(v, "gpio", GpioFields, errors);
            o.ReportUnknownFields();
            string chip = o.String("chip", true, 64);
            if (chip == null)
            {
                return null;
            }
            const string prefix = "/dev/gpiochip";
            bool ok = chip.Length > prefix.Length && chip.Substring(0, prefix.Length) == prefix;
            for (int i = prefix.Length; ok && i < chip.Length; i++)
            {
                ok = chip[i] >= '0' && chip[i] <= '9';
            }
            if (!ok)
            {
                o.ErrorAt("chip", "'" + ConfigObject.Printable(chip) + "' is not a GPIO character device (/dev/gpiochipN)");
                return null;
            }
            return chip;
        }
    }
}
