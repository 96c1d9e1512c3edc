// The example device files shipped in examples/devices load without a single error.
using System.Runtime.CompilerServices;
using DeskPhone.Firmware.Config;
using static DeskPhone.Firmware.Tests.Config.ConfigTestFiles;

namespace DeskPhone.Firmware.Tests.Config;

public class ExampleDeviceFilesTests
{
    /// <summary>
    /// examples/devices beside Firmware.sln: found by walking up from the test binaries, or, when
    /// they were built outside the tree (--artifacts-path), from this source file's location.
    /// </summary>
    private static string DevicesFolder([CallerFilePath] string sourceFile = "")
    {
        var root = FindSolutionFolder(AppContext.BaseDirectory) ?? FindSolutionFolder(Path.GetDirectoryName(sourceFile)!);
        Assert.NotNull(root);
        return Path.Combine(root!, "examples", "devices");
    }

    private static string? FindSolutionFolder(string start)
    {
        for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Firmware.sln")))
            {
                return dir.FullName;
            }
        }
        return null;
    }

    private static DeviceConfig LoadExample(string name) =>
        Load(File.ReadAllText(Path.Combine(DevicesFolder(), name)), name);

    [Fact]
    public void All_example_device_files_load_without_errors()
    {
        var files = Directory.GetFiles(DevicesFolder(), "*.json");
        Assert.True(files.Length >= 3, "expected the example device files in " + DevicesFolder());
        foreach (var file in files)
        {
            var ok = DeviceConfigLoader.TryLoad(Path.GetFileName(file), File.ReadAllText(file), out var config, out var errors);
            Assert.True(ok, errors.ToString());
            Assert.Equal("office.example", config.DefaultAccount.Domain);
            Assert.Equal("sip:127.0.0.1:5060", config.DefaultAccount.Registrar.ToString());
            Assert.Equal("sim-desk-8", config.Device.Board);
        }
    }

    [Fact]
    public void Reception_has_three_lines_two_BLF_keys_park_and_DND()
    {
        var config = LoadExample("reception.json");
        Assert.Equal("201", config.Device.Extension);
        Assert.Equal(3, config.Keys.Count(k => k.Kind == KeyKind.Line));
        Assert.Equal(new[] { "202", "203" }, config.Keys.Where(k => k.Kind == KeyKind.Blf).Select(k => k.TargetUri.User));
        Assert.Single(config.Keys, k => k.Kind == KeyKind.Park);
        Assert.Single(config.Keys, k => k.Kind == KeyKind.Feature && k.Feature == KeyFeatures.Dnd);
    }

    [Fact]
    public void The_executive_is_Ann_Lee_on_203()
    {
        var config = LoadExample("executive.json");
        Assert.Equal(("203", "Ann Lee"), (config.Device.Extension, config.Device.Name));
    }

    [Fact]
    public void The_assistant_Bob_Stone_on_202_shares_the_executives_line()
    {
        var config = LoadExample("assistant.json");
        Assert.Equal(("202", "Bob Stone"), (config.Device.Extension, config.Device.Name));
        var shared = Assert.Single(config.Keys, k => k.Kind == KeyKind.Shared);
        Assert.Equal("203", shared.TargetUri.User);
        Assert.Same(config.DefaultAccount, shared.Account);
    }
}
