// The ESP32 deploy bundle: the two files for I:\, a nanoff file-deployment description and instructions.
using System.Text;
using System.Text.Json;

namespace DeskPhone.Provision.Output;

/// <summary>
/// Writes, for one device: device.json, board.json, manifest.json, deploy.json (nanoff's
/// --filedeployment format: each file's destination on the device's internal drive I:\ and its source,
/// relative to the bundle folder) and INSTALL.txt with the nanoff command lines in order.
/// </summary>
public static class Esp32Bundle
{
    /// <summary>nanoFramework firmware image for ESP32 modules with PSRAM (WROVER, A1S); works for all silicon revisions.</summary>
    public const string DefaultTarget = "ESP32_PSRAM_REV0";

    public const string DefaultSerialPort = "COM3";

    public const string DeployFile = "deploy.json";
    public const string InstallFile = "INSTALL.txt";

    /// <summary>Where the application image is after a Release build of boards/esp32 in Visual Studio.</summary>
    public const string ApplicationImage = @"boards\esp32\bin\Release\DeskPhone.Esp32.bin";

    public static string Write(DeviceFolder folder, string bundleDir, string serialPort, string target)
    {
        Directory.CreateDirectory(bundleDir);
        foreach (string file in folder.Files)
        {
            File.Copy(file, Path.Combine(bundleDir, Path.GetFileName(file)), overwrite: true);
        }
        File.WriteAllBytes(Path.Combine(bundleDir, DeployFile), DeployJson(serialPort));
        File.WriteAllText(Path.Combine(bundleDir, InstallFile), Instructions(folder.Manifest, serialPort, target), new UTF8Encoding(false));
        return bundleDir;
    }

    /// <summary>nanoff's file-deployment description: device.json and board.json to I:\.</summary>
    public static byte[] DeployJson(string serialPort)
    {
        var deploy = new
        {
            serialport = serialPort,
            files = new[]
            {
                new { DestinationFilePath = @"I:\" + DeviceFolder.DeviceFile, SourceFilePath = DeviceFolder.DeviceFile },
                new { DestinationFilePath = @"I:\" + DeviceFolder.BoardFile, SourceFilePath = DeviceFolder.BoardFile },
            },
        };
        return JsonSerializer.SerializeToUtf8Bytes(deploy, new JsonSerializerOptions { WriteIndented = true });
    }

    public static string Instructions(Manifest manifest, string serialPort, string target)
    {
        var text = new StringBuilder();
        text.AppendLine($"DeskPhone ESP32 bundle for device '{manifest.DeviceId}' on board '{manifest.Board}'");
        text.AppendLine();
        text.AppendLine("The board needs a module with PSRAM (ESP32-WROVER, ESP32-A1S). Run these on the Windows PC the");
        text.AppendLine($"board is plugged into, from this folder, with nanoff installed ('dotnet tool install -g nanoff').");
        text.AppendLine($"Change {serialPort} to the board's serial port ('nanoff --listports' lists them).");
        text.AppendLine();
        text.AppendLine("1. Once per board: flash the nanoFramework firmware (hold BOOT if the board does not enter the loader).");
        text.AppendLine($"   nanoff --update --target {target} --serialport {serialPort}");
        text.AppendLine();
        text.AppendLine("2. Once per board and after firmware updates: deploy the DeskPhone application");
        text.AppendLine("   (built in Visual Studio from boards/esp32, see boards/esp32/README.md).");
        text.AppendLine($"   nanoff --target {target} --serialport {serialPort} --deploy --image {ApplicationImage}");
        text.AppendLine();
        text.AppendLine("3. Once per board: store the Wi-Fi network in the device (Visual Studio: Device Explorer >");
        text.AppendLine("   Network Configuration > Wi-Fi profiles).");
        text.AppendLine();
        text.AppendLine($"4. For this device (and after every change): put device.json and board.json on the internal drive I:\\.");
        text.AppendLine($"   nanoff --filedeployment {DeployFile}");
        text.AppendLine();
        text.AppendLine("5. Reset the board. The log (Visual Studio Output window, '.NET nanoFramework Debug') shows");
        text.AppendLine($"   'device {manifest.DeviceId} on board {manifest.Board}', then the address and registration.");
        text.AppendLine();
        text.AppendLine("Checksums (manifest.json):");
        foreach (ManifestFile file in manifest.Files) text.AppendLine($"   {file.Sha256}  {file.Name}");
        return text.ToString();
    }
}
