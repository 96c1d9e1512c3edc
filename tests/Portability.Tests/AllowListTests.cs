namespace DeskPhone.Portability.Tests;

public class AllowListTests
{
    [Fact]
    public void Allow_list_ignores_comments_and_blank_lines()
    {
        AllowList list = AllowList.Parse("# header\n\nSystem.Object\n  System.String   # trailing comment\r\n?System.Runtime.CompilerServices.CompilerGeneratedAttribute\n");

        Assert.Equal(new[] { "System.Object", "System.String" }, list.Offered.OrderBy(n => n, StringComparer.Ordinal));
        Assert.True(list.IsProvisional("System.Runtime.CompilerServices.CompilerGeneratedAttribute"));
        Assert.False(list.IsOffered("System.Runtime.CompilerServices.CompilerGeneratedAttribute"));
    }

    [Theory]
    [InlineData("System.Collections.Generic.List`1")]
    [InlineData("List")]
    [InlineData("System.Collections.Generic.List<int>")]
    [InlineData("System.String extra")]
    public void Allow_list_refuses_a_line_that_is_not_a_plain_full_type_name(string line)
    {
        Assert.Throws<FormatException>(() => AllowList.Parse(line));
    }

    [Fact]
    public void Allow_list_refuses_a_type_listed_twice()
    {
        Assert.Throws<FormatException>(() => AllowList.Parse("System.Object\nSystem.Object\n"));
    }

    [Fact]
    public void Repository_allow_list_offers_what_portable_code_needs()
    {
        AllowList list = AllowList.LoadDefault();

        foreach (string type in new[]
        {
            "System.Object", "System.String", "System.MulticastDelegate", "System.AsyncCallback", "System.IAsyncResult",
            "System.Collections.ArrayList", "System.Collections.Hashtable", "System.Text.StringBuilder",
            "System.Threading.Thread", "System.Threading.Interlocked", "System.Runtime.CompilerServices.RuntimeHelpers",
            "System.Diagnostics.DebuggableAttribute+DebuggingModes",
        })
        {
            Assert.True(list.IsOffered(type), type + " missing from " + AllowList.FileName);
        }
    }

    [Fact]
    public void Repository_allow_list_keeps_types_nanoFramework_lacks_out()
    {
        AllowList list = AllowList.LoadDefault();

        foreach (string type in new[]
        {
            "System.IO.FileSystemWatcher", "System.Runtime.CompilerServices.IsVolatile", "System.Runtime.CompilerServices.CompilerGeneratedAttribute",
            "System.Runtime.CompilerServices.CompilationRelaxationsAttribute", "System.DivideByZeroException", "System.Span",
        })
        {
            Assert.False(list.IsOffered(type), type + " must not be offered");
        }
    }
}
