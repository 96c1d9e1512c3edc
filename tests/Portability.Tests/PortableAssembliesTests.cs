using Xunit.Abstractions;

namespace DeskPhone.Portability.Tests;

/// <summary>The real portable assemblies (firmware/ and hal/Interfaces) must stay inside nanoFramework 1.x.</summary>
public class PortableAssembliesTests
{
    private readonly ITestOutputHelper _output;

    public PortableAssembliesTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Firmware_assembly_uses_only_what_nanoFramework_offers() => AssertPortable("DeskPhone.Firmware.dll");

    [Fact]
    public void Hal_interfaces_assembly_uses_only_what_nanoFramework_offers() => AssertPortable("DeskPhone.Hal.dll");

    private void AssertPortable(string fileName)
    {
        string path = Path.Combine(AppContext.BaseDirectory, fileName);
        Assert.True(File.Exists(path), $"{fileName} is not next to the tests in {AppContext.BaseDirectory}");

        CheckResult result = PortabilityChecker.WithDefaultAllowList().Check(path);

        // The full report (violations, then provisional compiler-only references) is always in the test output.
        _output.WriteLine(result.Report());
        Assert.True(result.IsPortable, "\n" + result.Report());
    }
}
