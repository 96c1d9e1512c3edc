// The ESP32 application (boards/esp32 + firmware + hal/Interfaces, compiled against nanoFramework signature stubs) stays inside nanoFramework 1.x.
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit.Abstractions;

namespace DeskPhone.Portability.Tests;

/// <summary>
/// tests/Esp32.Compile builds the sources the .nfproj links into DeskPhone.Esp32.dll, against
/// tests/Esp32.Stubs (assembly <see cref="StubAssembly"/>). The same scanner as for DeskPhone.Firmware.dll
/// checks it: stub types are trusted (they are the declared nanoFramework surface), every other BCL type
/// must be on the nanoFramework allow-list or, for board-only package types, the board allow-list.
/// </summary>
public class Esp32AssemblyTests
{
    public const string AssemblyFile = "DeskPhone.Esp32.dll";
    public const string StubAssembly = "NanoFramework.ApiStubs";
    public const string BoardAllowList = "nanoframework-board-allowlist.txt";

    private readonly ITestOutputHelper _output;

    public Esp32AssemblyTests(ITestOutputHelper output)
    {
        _output = output;
    }

    private static string PathOf(string fileName)
    {
        string path = Path.Combine(AppContext.BaseDirectory, fileName);
        Assert.True(File.Exists(path), $"{fileName} is not next to the tests in {AppContext.BaseDirectory}");
        return path;
    }

    private static CheckResult CheckEsp32() =>
        new PortabilityChecker(AllowList.LoadDefault().With(AllowList.LoadNamed(BoardAllowList)), new[] { StubAssembly })
            .Check(PathOf(AssemblyFile));

    [Fact]
    public void Esp32_application_assembly_uses_only_what_nanoFramework_and_its_packages_offer()
    {
        CheckResult result = CheckEsp32();
        _output.WriteLine(result.ReportWithTrustedTypes());
        Assert.True(result.IsPortable, "\n" + result.Report());
    }

    [Fact]
    public void Esp32_application_really_calls_the_nanoFramework_device_and_socket_APIs()
    {
        // Guards against a vacuous pass: the board code must bind to the stubbed nanoFramework surface.
        var trusted = CheckEsp32().TrustedTypes;
        foreach (string type in new[]
        {
            "System.SpanByte",
            "System.Device.Gpio.GpioController",
            "System.Device.Gpio.GpioPin",
            "System.Device.I2c.I2cDevice",
            "System.Device.I2s.I2sDevice",
            "System.Net.Sockets.Socket",
            "System.Net.NetworkInformation.NetworkInterface",
            "nanoFramework.Hardware.Esp32.Configuration",
            "nanoFramework.Hardware.Esp32.HighResTimer",
        })
        {
            Assert.Contains(StubAssembly + ": " + type, trusted);
        }
    }

    [Fact]
    public void Esp32_application_compiles_every_firmware_and_hal_type_the_portable_assemblies_have()
    {
        var esp32 = DefinedTypes(PathOf(AssemblyFile));
        var missing = DefinedTypes(PathOf("DeskPhone.Firmware.dll")).Concat(DefinedTypes(PathOf("DeskPhone.Hal.dll")))
            .Where(t => t != "<Module>" && !t.StartsWith("<", StringComparison.Ordinal) && !esp32.Contains(t))
            .ToList();
        Assert.True(missing.Count == 0, "not compiled into the ESP32 application: " + string.Join(", ", missing));
        Assert.Contains("DeskPhone.Boards.Esp32.Program", esp32);
    }

    [Fact]
    public void Board_only_package_types_are_not_allowed_in_the_firmware()
    {
        AllowList firmware = AllowList.LoadDefault();
        AllowList board = AllowList.LoadNamed(BoardAllowList);
        Assert.NotEmpty(board.Offered);
        Assert.All(board.Offered, type => Assert.False(firmware.IsOffered(type), type + " is in the firmware's allow-list too"));
    }

    [Fact]
    public void A_type_in_both_allow_lists_is_refused()
    {
        Assert.Throws<FormatException>(() => AllowList.Parse("System.Object\n").With(AllowList.Parse("System.Object\n")));
    }

    private static HashSet<string> DefinedTypes(string path)
    {
        using FileStream stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        MetadataReader reader = pe.GetMetadataReader();
        return reader.TypeDefinitions.Select(t => MetadataNames.TypeDefinition(reader, t)).ToHashSet(StringComparer.Ordinal);
    }
}
