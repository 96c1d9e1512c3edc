// The office commands an admin types: each change is saved only when the rules allow it, and says what it did or why not.
namespace DeskPhone.Provision.Tests;

public class OfficeCommandTests
{
    const string Carol = "{ \"id\": \"carol\", \"name\": \"Carol Diaz\", \"extension\": \"204\", \"password\": \"carol-secret\" }";

    static string WithCarol(string office) => office.Replace(
        "{ \"id\": \"ann\", \"name\": \"Ann Lee\", \"extension\": \"203\", \"password\": \"ann-secret\" }",
        "{ \"id\": \"ann\", \"name\": \"Ann Lee\", \"extension\": \"203\", \"password\": \"ann-secret\" },\n    " + Carol);

    [Fact]
    public void An_admins_pairing_is_saved_active_and_office_show_lists_it()
    {
        using var site = new ProvisionSite();
        site.AddOffice(WithCarol);

        var paired = site.Office("pair", "--executive", "ann", "--assistant", "carol", "--allow", "answer,recording");
        var (code, shown, _) = site.Office("show");

        Assert.Equal((0, ""), (paired.Code, paired.Errors));
        Assert.StartsWith("pairing p2: carol assists ann (answer, recording), active\n", paired.Output);
        Assert.Equal(0, code);
        Assert.Contains("  p2   carol assists ann: answer, recording; active\n", shown);
        Assert.Contains("limits: 15 assistants per executive, 15 executives per assistant, 25 pairings per office (2 in use)", shown);
    }

    [Fact]
    public void A_users_request_waits_for_the_other_side_who_accepts_it_through_the_tool()
    {
        using var site = new ProvisionSite();
        site.AddOffice(WithCarol);

        var asked = site.Office("pair", "--executive", "ann", "--assistant", "carol", "--as", "carol");
        string pending = site.Office("show").Output;
        var accepted = site.Office("accept", "--pairing", "p2", "--as", "ann");
        string active = site.Office("show").Output;

        Assert.StartsWith("pairing p2: carol assists ann (place, answer, pickup), pending until ann accepts", asked.Output);
        Assert.Contains("p2   carol assists ann: place, answer, pickup; pending: asked by carol, waiting for ann", pending);
        Assert.Equal(0, accepted.Code);
        Assert.Contains("p2   carol assists ann: place, answer, pickup; active (asked by carol)", active);
    }

    [Fact]
    public void A_refusal_exits_with_1_says_why_and_leaves_the_file_as_it_was()
    {
        using var site = new ProvisionSite();
        string path = site.AddOffice(WithCarol);
        byte[] before = File.ReadAllBytes(path);

        var reciprocal = site.Office("pair", "--executive", "bob", "--assistant", "ann");
        var declineOwn = site.Office("decline", "--pairing", "p1", "--as", "bob");
        var byAssistant = site.Office("permit", "--pairing", "p1", "--allow", "place,recording", "--as", "bob");

        Assert.Equal((1, "refused: ann is already bob's executive (pairing p1, active); bob cannot also be ann's executive\n"), (reciprocal.Code, reciprocal.Errors));
        Assert.Equal((1, "refused: pairing p1 is active, not pending\n"), (declineOwn.Code, declineOwn.Errors));
        Assert.Equal((1, "refused: only ann (the executive) or an admin can change pairing p1's permissions\n"), (byAssistant.Code, byAssistant.Errors));
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Deactivating_the_assistant_hands_the_pairing_to_the_successor_and_without_one_warns()
    {
        using var site = new ProvisionSite();
        site.AddOffice(WithCarol);

        var handed = site.Office("deactivate", "--user", "bob", "--successor", "carol");
        var uncovered = site.Office("deactivate", "--user", "carol");

        Assert.StartsWith("bob deactivated; 1 pairing handed to carol\npairing p1: carol now assists ann (place, answer, pickup), was bob\n", handed.Output);
        Assert.StartsWith("carol deactivated; 1 pairing removed\npairing p1 removed: carol assisted ann\n"
            + "warning: ann is left uncovered: no assistant answers their calls (name a successor to hand pairings over)\n", uncovered.Output);
        Assert.Contains("  bob          202    Bob Stone  (deactivated)", site.Office("show").Output);
    }

    [Fact]
    public void Permissions_pairings_and_limits_change_through_their_commands()
    {
        using var site = new ProvisionSite();
        site.AddOffice(WithCarol);

        var permit = site.Office("permit", "--pairing", "p1", "--allow", "answer", "--as", "ann");
        var limits = site.Office("limits", "--per-executive", "1");
        var overLimit = site.Office("pair", "--executive", "ann", "--assistant", "carol");
        var unpair = site.Office("unpair", "--pairing", "p1", "--as", "bob");

        Assert.StartsWith("pairing p1: bob may now answer for ann (was place, answer, pickup)", permit.Output);
        Assert.StartsWith("limits: 1 assistants per executive, 15 executives per assistant, 25 pairings per office", limits.Output);
        Assert.Equal("refused: ann already has 1 assistant (limit: 1 per executive)\n", overLimit.Errors);
        Assert.StartsWith("pairing p1 removed: bob no longer assists ann\nwarning: ann has no assistant answering their calls now\n", unpair.Output);
        Assert.Contains("pairings:\n  (none)", site.Office("show").Output);
    }

    [Fact]
    public void A_broken_office_file_is_reported_with_file_line_and_column_and_nothing_changes()
    {
        using var site = new ProvisionSite();
        string path = site.AddOffice(t => t.Replace("\"state\": \"active\"", "\"state\": \"on\""));

        var (code, _, errors) = site.Office("pair", "--executive", "reception", "--assistant", "bob");

        Assert.Equal(1, code);
        Assert.Equal($"{path}:59:114: pairings[0].state: 'on' is not one of active, pending, declined\n1 error(s) in {path}; nothing changed\n", errors);
    }
}
