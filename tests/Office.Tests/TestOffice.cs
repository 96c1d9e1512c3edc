// Offices for the tests: the demo office's people and as many more as a limit test needs.
using DeskPhone.Office.Model;
using DeskPhone.Office.Rules;

namespace DeskPhone.Office.Tests;

/// <summary>Builds offices in code; every pairing goes through the rules (an admin's, so active).</summary>
public static class TestOffice
{
    /// <summary>reception 201, bob 202, ann 203, carol 204, dave 205, and <paramref name="extraUsers"/> more (u1 = 301...).</summary>
    public static OfficeDirectory Create(int extraUsers = 0)
    {
        var office = new OfficeDirectory
        {
            Name = "Test office",
            Sip = new SipSettings { Domain = "office.example", Registrar = "sip:127.0.0.1:5060", OutboundProxy = "sip:127.0.0.1:5060;lr" },
        };
        foreach (var (id, name, ext) in new[] { ("reception", "Reception", "201"), ("bob", "Bob Stone", "202"), ("ann", "Ann Lee", "203"), ("carol", "Carol Diaz", "204"), ("dave", "Dave Moss", "205") })
        {
            office.Users.Add(new User { Id = id, Name = name, Extension = ext, Password = id + "-secret" });
        }
        for (int i = 1; i <= extraUsers; i++)
        {
            office.Users.Add(new User { Id = "u" + i, Name = "User " + i, Extension = (300 + i).ToString(), Password = "secret-" + i });
        }
        foreach (User u in office.Users)
        {
            office.Phones.Add(new Phone { Id = "phone-" + u.Id, User = u.Id, Board = "sim-desk-8" });
        }
        return office;
    }

    /// <summary>An admin's pairing that must be allowed.</summary>
    public static Pairing Pair(this OfficeDirectory office, string executive, string assistant, Permissions permissions = PermissionNames.Default)
    {
        Outcome outcome = Delegation.AddPairing(office, executive, assistant, Actor.Admin, permissions);
        Assert.True(outcome.Ok, outcome.Message);
        return outcome.Pairing!;
    }

    /// <summary>The repository root, found from this source file.</summary>
    public static string RepoRoot() => Root();

    private static string Root([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
}
