namespace DeskPhone.Portability.Tests;

/// <summary>
/// What nanoFramework accepts must pass, including the compiler output net10 adds around it
/// (namespace Clean in tests/Portability.Fixtures). Each test first proves the compiler really emitted the
/// construct it is about, so a passing test cannot be a vacuous one.
/// </summary>
public class CleanCodeTests : IClassFixture<FixtureAssembly>
{
    private readonly FixtureAssembly _fixture;

    public CleanCodeTests(FixtureAssembly fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public void Checker_finds_nothing_in_the_Clean_namespace()
    {
        Assert.Empty(_fixture.Result.In("Clean."));
    }

    [Fact]
    public void Checker_finds_nothing_outside_the_Planted_namespace()
    {
        Assert.All(_fixture.Result.Violations, v => Assert.StartsWith("Planted.", v.DeclaringType ?? v.Location));
    }

    [Fact]
    public void Checker_accepts_a_field_like_event_whose_accessors_call_CompareExchange_of_T()
    {
        Assert.Contains(
            "System.Threading.Interlocked.CompareExchange<Clean.RingHandler>",
            _fixture.ReferencesFrom("Clean.Doorbell", "add_Rang"));
        Assert.Contains(
            "System.Threading.Interlocked.CompareExchange<Clean.RingHandler>",
            _fixture.ReferencesFrom("Clean.Doorbell", "remove_Rang"));

        Assert.Empty(_fixture.ViolationsIn("Clean.Doorbell"));
        Assert.Empty(_fixture.ViolationsIn("Clean.RingHandler"));
    }

    [Fact]
    public void Checker_accepts_static_array_initialisers()
    {
        Assert.Contains(
            "System.Runtime.CompilerServices.RuntimeHelpers.InitializeArray",
            _fixture.ReferencesFrom("Clean.ToneTable", ".cctor"));

        Assert.Empty(_fixture.ViolationsIn("Clean.ToneTable"));
        Assert.Empty(_fixture.Result.In("<PrivateImplementationDetails>"));
    }

    [Fact]
    public void Checker_accepts_ArrayList_Hashtable_and_StringBuilder()
    {
        IReadOnlyList<string> used = _fixture.ReferencesFrom("Clean.PhoneDirectory", "Listing")
            .Concat(_fixture.ReferencesFrom("Clean.PhoneDirectory", ".ctor"))
            .ToList();
        Assert.Contains("System.Collections.ArrayList..ctor", used);
        Assert.Contains("System.Collections.Hashtable..ctor", used);
        Assert.Contains("System.Text.StringBuilder.Append", used);

        Assert.Empty(_fixture.ViolationsIn("Clean.PhoneDirectory"));
    }

    [Fact]
    public void Checker_accepts_a_switch_on_strings()
    {
        // Debug builds hash the string (<PrivateImplementationDetails>.ComputeStringHash); Release builds
        // of newer compilers bucket by length and compare characters. Either way the switch was compiled.
        var used = _fixture.ReferencesFrom("Clean.SipMethods", "Code");
        Assert.Contains(used, r => r.Contains("ComputeStringHash") || r.Contains("System.String.op_Equality") || r.Contains("System.String.get_Length"));

        Assert.Empty(_fixture.ViolationsIn("Clean.SipMethods"));
    }

    [Fact]
    public void Compiler_only_references_that_nanoFramework_lacks_are_listed_not_hidden()
    {
        // [CompilerGenerated] on the event accessors: tolerated as a provisional allow-list entry, never silently.
        Assert.Contains(
            "Clean.Doorbell.add_Rang(RingHandler): System.Runtime.CompilerServices.CompilerGeneratedAttribute",
            _fixture.Result.ProvisionalUses);
        Assert.Contains(
            "assembly DeskPhone.Portability.Fixtures: System.Runtime.CompilerServices.CompilationRelaxationsAttribute",
            _fixture.Result.ProvisionalUses);
        Assert.Contains("provisional", _fixture.Result.Report());
    }
}
