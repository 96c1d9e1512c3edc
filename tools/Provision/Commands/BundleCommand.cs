// bundle: the files and nanoff instructions that put one device onto an ESP32.
using DeskPhone.Firmware.Config.Board;
using DeskPhone.Provision.Cli;
using DeskPhone.Provision.Output;

namespace DeskPhone.Provision.Commands;

/// <summary>Verifies OUT/&lt;id&gt; and writes the ESP32 deploy bundle (<see cref="Esp32Bundle"/>) to DIR/&lt;id&gt;.</summary>
public sealed class BundleCommand : ICommand
{
    public string Name => "bundle";
    public IReadOnlyCollection<string> OptionNames { get; } = new[] { "device-id", "esp32", "out", "serial-port", "target" };
    public string Usage => "bundle --device-id ID --esp32 DIR [--out OUT] [--serial-port COM3] [--target ESP32_PSRAM_REV0]";
    public string Summary => "write DIR/ID/: device.json, board.json, a nanoff file-deployment file and INSTALL.txt for an ESP32 board";

    public int Run(Options options, TextWriter output, TextWriter errors)
    {
        string id = options.Required("device-id");
        string bundleDir = options.Required("esp32");
        string outDir = options.Optional("out", "out");
        string port = options.Optional("serial-port", Esp32Bundle.DefaultSerialPort);
        string target = options.Optional("target", Esp32Bundle.DefaultTarget);

        DeviceFolder folder = DeviceFolder.Open(outDir, id);
        if (folder.Manifest.Backend != BoardBackends.Esp32)
        {
            throw new ProvisionException($"device '{id}' uses board '{folder.Manifest.Board}' (backend {folder.Manifest.Backend}); "
                + "an ESP32 bundle needs a board with backend esp32");
        }
        string written = Esp32Bundle.Write(folder, Path.Combine(bundleDir, id), port, target);
        output.WriteLine($"{id}: ESP32 bundle for board {folder.Manifest.Board} -> {written} (see INSTALL.txt there)");
        return ProvisionApp.Ok;
    }
}
