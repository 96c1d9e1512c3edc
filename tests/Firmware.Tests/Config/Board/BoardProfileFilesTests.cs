// Every profile shipped in boards/profiles loads without a single error, and the ESP32 kits' pins are the vendors'.
using System.Runtime.CompilerServices;
using DeskPhone.Firmware.Config.Board;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Tests.Config.Board;

public class BoardProfileFilesTests
{
    /// <summary>boards/profiles beside Firmware.sln, found from the test binaries or from this source file.</summary>
    private static string ProfilesFolder([CallerFilePath] string sourceFile = "")
    {
        var root = FindSolutionFolder(AppContext.BaseDirectory) ?? FindSolutionFolder(Path.GetDirectoryName(sourceFile)!);
        Assert.NotNull(root);
        return Path.Combine(root!, "boards", "profiles");
    }

    private static string? FindSolutionFolder(string start)
    {
        for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Firmware.sln"))) return dir.FullName;
        }
        return null;
    }

    private static BoardProfile LoadShipped(string name)
    {
        var path = Path.Combine(ProfilesFolder(), name + ".json");
        Assert.True(BoardProfileLoader.TryLoad(Path.GetFileName(path), File.ReadAllText(path), out var profile, out var errors), errors.ToString());
        return profile;
    }

    [Fact]
    public void Every_profile_in_boards_profiles_loads_without_errors()
    {
        var files = Directory.GetFiles(ProfilesFolder(), "*.json");
        Assert.True(files.Length >= 4, "expected the shipped profiles in " + ProfilesFolder());
        var failures = new List<string>();
        foreach (var file in files)
        {
            if (!BoardProfileLoader.TryLoad(Path.GetFileName(file), File.ReadAllText(file), out var profile, out var errors))
            {
                failures.Add(errors.ToString());
                continue;
            }
            Assert.Equal(Path.GetFileNameWithoutExtension(file), profile.Name);
            Assert.NotEqual("", profile.Description);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void The_simulator_profiles_keep_their_key_counts_lamps_and_displays()
    {
        var desk8 = LoadShipped("sim-desk-8");
        Assert.Equal((BoardBackends.Simulator, 8, 2, "ssd1306", 64), (desk8.Backend, desk8.LineKeys, desk8.LampColours, desk8.Display.Controller, desk8.Display.Height));
        var desk16 = LoadShipped("sim-desk-16-mono");
        Assert.Equal((BoardBackends.Simulator, 16, 1, "sh1106"), (desk16.Backend, desk16.LineKeys, desk16.LampColours, desk16.Display.Controller));
    }

    [Fact]
    public void The_LyraT_profile_has_Espressifs_v4_3_codec_wiring()
    {
        // ESP-ADF components/audio_board/lyrat_v4_3: I2C SDA 18 / SCL 23, I2S MCLK 0, BCK 5, WS 25,
        // DATA_OUT 26, DATA_IN 35, PA_ENABLE 21; ES8388 at 7-bit address 0x10.
        var p = LoadShipped("esp32-lyrat");
        Assert.Equal(BoardBackends.Esp32, p.Backend);
        Assert.Equal(("es8388", 0x10), (p.Codec.Chip, p.Codec.I2cAddress));
        Assert.Equal((18, 23), (p.Display.SdaPin, p.Display.SclPin));
        Assert.Equal((0, 5, 25, 26, 35, 21), (p.Codec.Mclk, p.Codec.Bclk, p.Codec.Ws, p.Codec.DataOut, p.Codec.DataIn, p.Codec.PaEnablePin));
        // The board's own Mode (GPIO 39) and Rec (GPIO 36) buttons and its green LED (GPIO 22).
        Assert.Equal(39, p.FindKey(KeyCodes.Line(1))!.Pin);
        Assert.Equal(36, p.FindKey(KeyCodes.Speaker)!.Pin);
        Assert.Equal(22, p.FindLamp(1)!.Pin);
        Assert.Contains("PSRAM", p.Description);
    }

    [Fact]
    public void The_A1S_Audio_Kit_profile_is_for_the_ES8388_variant_and_its_wiring()
    {
        var p = LoadShipped("esp32-a1s-audiokit");
        Assert.Equal(("es8388", 0x10), (p.Codec.Chip, p.Codec.I2cAddress));
        Assert.Equal((33, 32), (p.Display.SdaPin, p.Display.SclPin));
        Assert.Equal((0, 27, 25, 26, 35, 21), (p.Codec.Mclk, p.Codec.Bclk, p.Codec.Ws, p.Codec.DataOut, p.Codec.DataIn, p.Codec.PaEnablePin));
        // KEY1..KEY6 on GPIO 36, 13, 19, 23, 18, 5.
        Assert.Equal(new[] { 36, 13, 19, 23, 18, 5 }, p.Keys.Select(k => k.Pin));
        Assert.Contains("ES8388", p.Description);
        Assert.Contains("PSRAM", p.Description);
    }
}
