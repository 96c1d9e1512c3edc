// Making, answering, changing and ending pairings: who may, what state follows, and every refusal's words.
using DeskPhone.Office.Model;
using DeskPhone.Office.Rules;

namespace DeskPhone.Office.Tests.Rules;

public class PairingTests
{
    [Fact]
    public void A_pairing_an_admin_makes_is_active_at_once_with_place_answer_and_pickup_by_default()
    {
        var office = TestOffice.Create();

        Outcome outcome = Delegation.AddPairing(office, "ann", "bob", Actor.Admin);

        Assert.True(outcome.Ok);
        Assert.Equal("pairing p1: bob assists ann (place, answer, pickup), active", outcome.Message);
        Pairing p = Assert.Single(office.Pairings);
        Assert.Equal((PairingState.Active, PairingOrigin.Admin, (string?)null), (p.State, p.CreatedBy, p.RequestedBy));
        Assert.Equal(Permissions.PlaceCalls | Permissions.Answer | Permissions.PickUpHeld, p.Permissions);
    }

    [Fact]
    public void A_pairing_a_user_asks_for_is_pending_until_the_other_side_accepts_it_and_then_active()
    {
        var office = TestOffice.Create();

        Outcome asked = Delegation.AddPairing(office, "ann", "bob", Actor.User("bob"), Permissions.Answer | Permissions.Voicemail);
        PairingState whilePending = office.Pairings[0].State;
        Outcome accepted = Delegation.Accept(office, "p1", Actor.User("ann"));

        Assert.Equal("pairing p1: bob assists ann (answer, voicemail), pending until ann accepts", asked.Message);
        Assert.Equal(PairingState.Pending, whilePending);
        Assert.Equal("pairing p1 accepted: bob assists ann (answer, voicemail), active", accepted.Message);
        Pairing p = office.Pairings[0];
        Assert.Equal((PairingState.Active, PairingOrigin.User, "bob"), (p.State, p.CreatedBy, p.RequestedBy));
    }

    [Fact]
    public void The_other_side_can_decline_a_pending_pairing_which_then_stays_declined()
    {
        var office = TestOffice.Create();
        Delegation.AddPairing(office, "ann", "bob", Actor.User("ann"));

        Outcome declined = Delegation.Decline(office, "p1", Actor.User("bob"));

        Assert.Equal("pairing p1 declined: bob does not assist ann", declined.Message);
        Assert.Equal(PairingState.Declined, office.Pairings[0].State);
        Assert.False(office.Pairings[0].IsLive);
    }

    [Fact]
    public void An_admin_can_accept_a_pairing_a_user_asked_for()
    {
        var office = TestOffice.Create();
        Delegation.AddPairing(office, "ann", "bob", Actor.User("ann"));

        Assert.True(Delegation.Accept(office, "p1", Actor.Admin).Ok);
        Assert.Equal(PairingState.Active, office.Pairings[0].State);
    }

    [Theory]
    [InlineData("accept")]
    [InlineData("decline")]
    public void The_user_who_asked_cannot_answer_their_own_request(string answer)
    {
        var office = TestOffice.Create();
        Delegation.AddPairing(office, "ann", "bob", Actor.User("bob"));

        Outcome outcome = answer == "accept" ? Delegation.Accept(office, "p1", Actor.User("bob")) : Delegation.Decline(office, "p1", Actor.User("bob"));

        Assert.Equal($"bob asked for pairing p1; only ann or an admin can {answer} it", Refusal(outcome));
        Assert.Equal(PairingState.Pending, office.Pairings[0].State);
    }

    [Fact]
    public void Someone_outside_a_pending_pairing_cannot_answer_it()
    {
        var office = TestOffice.Create();
        Delegation.AddPairing(office, "ann", "bob", Actor.User("bob"));

        Assert.Equal("carol is not part of pairing p1 (bob assists ann)", Refusal(Delegation.Accept(office, "p1", Actor.User("carol"))));
    }

    [Fact]
    public void Only_a_pending_pairing_can_be_accepted_or_declined()
    {
        var office = TestOffice.Create();
        office.Pair("ann", "bob");

        Assert.Equal("pairing p1 is active, not pending", Refusal(Delegation.Accept(office, "p1", Actor.Admin)));
        Assert.Equal("no pairing 'p7' (pairings: p1)", Refusal(Delegation.Decline(office, "p7", Actor.Admin)));
    }

    [Fact]
    public void A_user_cannot_ask_for_a_pairing_between_two_other_people()
    {
        var office = TestOffice.Create();

        Assert.Equal("carol is neither ann nor bob: only one of them or an admin can ask for this pairing",
            Refusal(Delegation.AddPairing(office, "ann", "bob", Actor.User("carol"))));
        Assert.Empty(office.Pairings);
    }

    [Fact]
    public void Nobody_can_be_their_own_assistant()
    {
        var office = TestOffice.Create();

        Assert.Equal("ann cannot be their own assistant", Refusal(Delegation.AddPairing(office, "ann", "ann", Actor.Admin)));
        Assert.Equal("ann cannot be their own assistant", Refusal(Delegation.AddPairing(office, "ann", "ann", Actor.User("ann"))));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_same_pairing_twice_is_refused_whether_the_first_is_active_or_pending(bool firstByAdmin)
    {
        var office = TestOffice.Create();
        Delegation.AddPairing(office, "ann", "bob", firstByAdmin ? Actor.Admin : Actor.User("ann"));

        Assert.Equal($"bob is already ann's assistant (pairing p1, {(firstByAdmin ? "active" : "pending")})",
            Refusal(Delegation.AddPairing(office, "ann", "bob", Actor.Admin)));
        Assert.Single(office.Pairings);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_reciprocal_pairing_is_refused_if_bob_is_anns_executive_ann_cannot_be_bobs(bool firstByAdmin)
    {
        var office = TestOffice.Create();
        Delegation.AddPairing(office, "bob", "ann", firstByAdmin ? Actor.Admin : Actor.User("ann"));

        Outcome outcome = Delegation.AddPairing(office, "ann", "bob", Actor.Admin);

        Assert.Equal($"bob is already ann's executive (pairing p1, {(firstByAdmin ? "active" : "pending")}); ann cannot also be bob's executive",
            Refusal(outcome));
    }

    [Fact]
    public void After_a_decline_the_pairing_may_be_asked_for_again_and_replaces_the_declined_one()
    {
        var office = TestOffice.Create();
        Delegation.AddPairing(office, "ann", "bob", Actor.User("bob"));
        Delegation.Decline(office, "p1", Actor.User("ann"));

        Outcome again = Delegation.AddPairing(office, "ann", "bob", Actor.User("bob"));

        Assert.True(again.Ok);
        Pairing p = Assert.Single(office.Pairings);
        Assert.Equal(("p1", PairingState.Pending), (p.Id, p.State));
    }

    [Fact]
    public void An_unknown_user_is_refused_with_a_spelling_hint_and_a_deactivated_one_by_name()
    {
        var office = TestOffice.Create();
        office.FindUser("dave")!.Active = false;

        Assert.Equal("no user 'bobb' in the office (did you mean 'bob'?)", Refusal(Delegation.AddPairing(office, "ann", "bobb", Actor.Admin)));
        Assert.Equal("dave is deactivated", Refusal(Delegation.AddPairing(office, "ann", "dave", Actor.Admin)));
        Assert.Equal("dave is deactivated", Refusal(Delegation.AddPairing(office, "ann", "bob", Actor.User("dave"))));
    }

    [Fact]
    public void The_executive_or_an_admin_sets_a_pairings_permissions_and_the_assistant_cannot()
    {
        var office = TestOffice.Create();
        office.Pair("ann", "bob");

        Outcome byAssistant = Delegation.SetPermissions(office, "p1", Permissions.PlaceCalls | Permissions.Recording, Actor.User("bob"));
        Outcome byExecutive = Delegation.SetPermissions(office, "p1", Permissions.Answer | Permissions.Recording, Actor.User("ann"));
        Outcome byAdmin = Delegation.SetPermissions(office, "p1", Permissions.None, Actor.Admin);

        Assert.Equal("only ann (the executive) or an admin can change pairing p1's permissions", Refusal(byAssistant));
        Assert.Equal("pairing p1: bob may now answer, recording for ann (was place, answer, pickup)", byExecutive.Message);
        Assert.Equal("pairing p1: bob may now none for ann (was answer, recording)", byAdmin.Message);
        Assert.Equal(Permissions.None, office.Pairings[0].Permissions);
    }

    [Fact]
    public void Either_side_or_an_admin_removes_a_pairing_and_an_executive_left_without_an_answering_assistant_is_warned()
    {
        var office = TestOffice.Create();
        office.Pair("ann", "bob");
        office.Pair("ann", "carol", Permissions.PlaceCalls);

        Outcome byOutsider = Delegation.RemovePairing(office, "p1", Actor.User("dave"));
        Outcome byAssistant = Delegation.RemovePairing(office, "p1", Actor.User("bob"));

        Assert.Equal("only ann, bob or an admin can remove pairing p1", Refusal(byOutsider));
        Assert.Equal("pairing p1 removed: bob no longer assists ann", byAssistant.Message);
        Assert.Equal(new[] { "ann has no assistant answering their calls now" }, byAssistant.Warnings);
        Assert.Equal("p2", Assert.Single(office.Pairings).Id);
    }

    [Fact]
    public void Permission_lists_from_the_command_line_name_an_unknown_word_and_the_known_ones()
    {
        Assert.True(PermissionNames.TryParseList("place, voicemail", out Permissions some, out _));
        Assert.True(PermissionNames.TryParseList("none", out Permissions none, out _));
        Assert.False(PermissionNames.TryParseList("place,pikup", out _, out string error));

        Assert.Equal(Permissions.PlaceCalls | Permissions.Voicemail, some);
        Assert.Equal(Permissions.None, none);
        Assert.Equal("'pikup' is not a permission (did you mean 'pickup'?); use place, answer, pickup, voicemail, recording (comma-separated) or none", error);
    }

    internal static string Refusal(Outcome outcome)
    {
        Assert.False(outcome.Ok, "expected a refusal, got: " + outcome.Message);
        return outcome.Message;
    }
}
