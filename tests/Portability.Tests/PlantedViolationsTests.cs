namespace DeskPhone.Portability.Tests;

/// <summary>Each thing planted in namespace Planted (tests/Portability.Fixtures) is caught, at the right member.</summary>
public class PlantedViolationsTests : IClassFixture<FixtureAssembly>
{
    private readonly FixtureAssembly _fixture;

    public PlantedViolationsTests(FixtureAssembly fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public void Checker_rejects_an_assembly_that_uses_List_of_int()
    {
        AssertReported(
            ViolationKind.GenericUse,
            "Planted.UsesListOfInt.SumOfThree(): uses System.Collections.Generic.List`1<System.Int32>");
    }

    [Fact]
    public void Checker_rejects_a_generic_class_definition()
    {
        AssertReported(ViolationKind.GenericDefinition, "Planted.GenericBox`1: is a generic type definition");
    }

    [Fact]
    public void Checker_rejects_a_generic_method_definition()
    {
        AssertReported(ViolationKind.GenericDefinition, "Planted.GenericMethodHolder.Echo<T>(T): is a generic method definition");
    }

    [Fact]
    public void Checker_rejects_a_BCL_type_that_nanoFramework_lacks()
    {
        AssertReported(
            ViolationKind.TypeNotOffered,
            "Planted.UsesFileSystemWatcher.WatchesSubdirectories(String): uses System.IO.FileSystemWatcher (System.IO.FileSystem.Watcher), which is not in the nanoFramework allow-list");
    }

    [Fact]
    public void Checker_rejects_a_multi_dimensional_array()
    {
        AssertReported(ViolationKind.MultiDimensionalArray, "Planted.UsesGrid.Corner(): uses multi-dimensional array System.Int32[,]");
    }

    [Fact]
    public void Checker_rejects_Enum_GetValues()
    {
        AssertReported(
            ViolationKind.MissingMember,
            "Planted.EnumeratesEnumValues.CountShades(): calls System.Enum.GetValues, which nanoFramework's System.Enum does not have");
    }

    [Fact]
    public void Checker_rejects_CompareExchange_of_T_outside_an_event_accessor()
    {
        AssertReported(
            ViolationKind.GenericUse,
            "Planted.CallsCompareExchangeOfT.SwapIfUnset(String): calls generic method System.Threading.Interlocked.CompareExchange<System.String>");
    }

    [Fact]
    public void Checker_reports_exactly_the_planted_violations_and_nothing_else()
    {
        string[] expected =
        {
            "Planted.CallsCompareExchangeOfT.SwapIfUnset(String): calls generic method System.Threading.Interlocked.CompareExchange<System.String>",
            "Planted.EnumeratesEnumValues.CountShades(): calls System.Enum.GetValues, which nanoFramework's System.Enum does not have",
            "Planted.GenericBox`1: is a generic type definition",
            "Planted.GenericMethodHolder.Echo<T>(T): is a generic method definition",
            "Planted.UsesFileSystemWatcher.WatchesSubdirectories(String): uses System.IO.FileSystemWatcher (System.IO.FileSystem.Watcher), which is not in the nanoFramework allow-list",
            "Planted.UsesGrid.Corner(): uses multi-dimensional array System.Int32[,]",
            "Planted.UsesListOfInt.SumOfThree(): uses System.Collections.Generic.List`1 (System.Collections), which is not in the nanoFramework allow-list",
            "Planted.UsesListOfInt.SumOfThree(): uses System.Collections.Generic.List`1<System.Int32>",
        };

        Assert.Equal(expected, _fixture.Result.Violations.Select(v => v.ToString()).ToArray());
    }

    [Fact]
    public void Every_planted_class_produces_a_violation()
    {
        IEnumerable<string> plantedClasses = typeof(Planted.UsesGrid).Assembly.GetTypes()
            .Where(t => t.Namespace == "Planted" && t.IsClass && !t.IsNested)
            .Select(t => t.FullName!);

        foreach (string planted in plantedClasses)
        {
            Assert.True(_fixture.ViolationsIn(planted).Count > 0, planted + " was not reported\n" + _fixture.Result.Report());
        }
    }

    private void AssertReported(ViolationKind kind, string expected)
    {
        Violation? found = _fixture.Result.Violations.FirstOrDefault(v => v.ToString() == expected);
        Assert.True(found != null, $"expected \"{expected}\"\n{_fixture.Result.Report()}");
        Assert.Equal(kind, found!.Kind);
    }
}
