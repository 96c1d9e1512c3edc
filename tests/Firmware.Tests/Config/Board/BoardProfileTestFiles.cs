// Board profiles shared by the board-profile tests, and helpers to load them.
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Config.Board;

namespace DeskPhone.Firmware.Tests.Config.Board;

internal static class BoardProfileTestFiles
{
    /// <summary>A Raspberry Pi desk phone using every Pi field (file "rpi-test.json").</summary>
    public const string Pi = """
        {
          "name": "rpi-test",
          "description": "A Pi test board.",
          "backend": "raspberrypi",
          "lineKeys": 4,
          "expansionPages": 1,
          "lampColours": 2,
          "display": { "controller": "sh1106", "width": 128, "height": 64, "i2cBus": 1, "i2cAddress": "0x3D" },
          "gpio": { "chip": "/dev/gpiochip0" },
          "keys": [ { "key": "line1", "pin": 5 },
                    { "key": "hook", "pin": 6, "activeLow": false },
                    { "key": "soft2", "pin": 13 } ],
          "lamps": [ { "key": "line1", "green": 17, "red": 27 },
                     { "key": "line2", "green": 22, "red": 23, "activeLow": true } ],
          "codec": { "chip": "wm8960", "alsaDevice": "hw:CARD=wm8960soundcard,DEV=0", "i2cAddress": "0x1A", "paEnablePin": 4 }
        }
        """;

    /// <summary>An ESP32 board using every ESP32 field (file "esp32-test.json").</summary>
    public const string Esp32 = """
        {
          "name": "esp32-test",
          "backend": "esp32",
          "lineKeys": 2,
          "lampColours": 1,
          "display": { "controller": "ssd1306", "width": 128, "height": 32, "i2cBus": 1, "sdaPin": 18, "sclPin": 23 },
          "keys": [ { "key": "line1", "pin": 39 }, { "key": "speaker", "pin": 36 } ],
          "lamps": [ { "key": "line1", "pin": 22 } ],
          "codec": { "chip": "es8388",
                     "i2s": { "mclk": 0, "bclk": 5, "ws": 25, "dataOut": 26, "dataIn": 35 },
                     "paEnablePin": 21 }
        }
        """;

    /// <summary>The smallest simulator profile (file "sim-test.json").</summary>
    public const string Simulator = """
        {
          "name": "sim-test",
          "backend": "simulator",
          "lineKeys": 8,
          "lampColours": 2,
          "display": { "controller": "ssd1306", "width": 128, "height": 64 },
          "codec": { "chip": "simulated" }
        }
        """;

    public static BoardProfile Load(string text, string fileName)
    {
        Assert.True(BoardProfileLoader.TryLoad(fileName, text, out var profile, out var errors), errors.ToString());
        Assert.Equal(0, errors.Count);
        return profile;
    }

    public static ConfigErrors Errors(string text, string fileName)
    {
        Assert.False(BoardProfileLoader.TryLoad(fileName, text, out var profile, out var errors));
        Assert.Null(profile);
        Assert.True(errors.Count > 0);
        return errors;
    }

    /// <summary>"path: message" of each error, without file and position.</summary>
    public static string[] Messages(ConfigErrors errors) =>
        Enumerable.Range(0, errors.Count).Select(i => errors[i].Path + ": " + errors[i].Message).ToArray();

    /// <summary>The messages of <paramref name="text"/> after replacing <paramref name="find"/> (which must occur) with <paramref name="replace"/>.</summary>
    public static string[] MessagesAfter(string text, string fileName, string find, string replace)
    {
        Assert.Contains(find, text);
        return Messages(Errors(text.Replace(find, replace), fileName));
    }

    public static string[] PiMessages(string find, string replace) => MessagesAfter(Pi, "rpi-test.json", find, replace);

    public static string[] Esp32Messages(string find, string replace) => MessagesAfter(Esp32, "esp32-test.json", find, replace);

    public static string[] SimulatorMessages(string find, string replace) => MessagesAfter(Simulator, "sim-test.json", find, replace);
}
