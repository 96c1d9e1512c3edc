// bundle writes what an installer needs to put one device onto an ESP32: its files, a nanoff deployment file and instructions.
using System.Text.Json;

namespace DeskPhone.Provision.Tests;

public class BundleCommandTests
{
    private static ProvisionSite BuiltEsp32Site()
    {
        var site = new ProvisionSite();
        site.AddDevice("desk-9.json", ProvisionSite.Device("desk-9", "esp32-a1s-audiokit"));
        Assert.Equal(0, site.Build().Code);
        return site;
    }

    [Fact]
    public void Bundle_writes_the_device_files_a_nanoff_file_deployment_and_install_steps()
    {
        using var site = BuiltEsp32Site();
        string bundles = Path.Combine(site.Root, "esp32");

        var (code, output, errors) = site.Run("bundle", "--device-id", "desk-9", "--esp32", bundles, "--out", site.Out, "--serial-port", "COM7");

        Assert.Equal((0, ""), (code, errors));
        string folder = Path.Combine(bundles, "desk-9");
        Assert.Contains($"desk-9: ESP32 bundle for board esp32-a1s-audiokit -> {folder}", output);
        Assert.Equal(new[] { "INSTALL.txt", "board.json", "deploy.json", "device.json", "manifest.json" },
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(File.ReadAllBytes(Path.Combine(site.Out, "desk-9", "device.json")), File.ReadAllBytes(Path.Combine(folder, "device.json")));

        using var deploy = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "deploy.json")));
        Assert.Equal("COM7", deploy.RootElement.GetProperty("serialport").GetString());
        Assert.Equal(new[] { (@"I:\device.json", "device.json"), (@"I:\board.json", "board.json") },
            deploy.RootElement.GetProperty("files").EnumerateArray()
                .Select(f => (f.GetProperty("DestinationFilePath").GetString(), f.GetProperty("SourceFilePath").GetString())));

        string install = File.ReadAllText(Path.Combine(folder, "INSTALL.txt"));
        Assert.Contains("nanoff --update --target ESP32_PSRAM_REV0 --serialport COM7", install);
        Assert.Contains(@"nanoff --target ESP32_PSRAM_REV0 --serialport COM7 --deploy --image boards\esp32\bin\Release\DeskPhone.Esp32.bin", install);
        Assert.Contains("nanoff --filedeployment deploy.json", install);
        Assert.Contains("PSRAM", install);
    }

    [Fact]
    public void Bundle_refuses_a_device_whose_board_is_not_an_ESP32()
    {
        using var site = new ProvisionSite();
        site.AddDevice("reception.json", ProvisionSite.Example("reception"));
        Assert.Equal(0, site.Build().Code);

        var (code, _, errors) = site.Run("bundle", "--device-id", "reception-1", "--esp32", Path.Combine(site.Root, "esp32"), "--out", site.Out);

        Assert.Equal(1, code);
        Assert.Equal("deskphone-provision bundle: device 'reception-1' uses board 'sim-desk-8' (backend simulator); an ESP32 bundle needs a board with backend esp32", errors.TrimEnd());
    }
}
