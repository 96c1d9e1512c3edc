// A user leaves: their pairings are handed to a successor, or executives are left uncovered with a warning.
using DeskPhone.Office.Model;
using DeskPhone.Office.Rules;
using static DeskPhone.Office.Tests.Rules.PairingTests;

namespace DeskPhone.Office.Tests.Rules;

public class DeactivationTests
{
    [Fact]
    public void An_assistants_pairings_go_to_the_successor_with_the_same_permissions_and_stay_active()
    {
        var office = TestOffice.Create();
        office.Pair("ann", "bob", Permissions.Answer | Permissions.Voicemail);
        office.Pair("reception", "bob", Permissions.PlaceCalls);

        Outcome outcome = Deactivation.DeactivateUser(office, "bob", "carol");

        Assert.Equal("bob deactivated; 2 pairings handed to carol\n"
            + "pairing p1: carol now assists ann (answer, voicemail), was bob\n"
            + "pairing p2: carol now assists reception (place), was bob", outcome.Message);
        Assert.Empty(outcome.Warnings);
        Assert.False(office.FindUser("bob")!.Active);
        Assert.All(office.Pairings, p => Assert.Equal(("carol", PairingState.Active), (p.Assistant, p.State)));
        Assert.Equal(Permissions.Answer | Permissions.Voicemail, office.FindPairing("p1")!.Permissions);
    }

    [Fact]
    public void Without_a_successor_the_pairings_end_and_the_executive_left_uncovered_is_warned()
    {
        var office = TestOffice.Create();
        office.Pair("ann", "bob");

        Outcome outcome = Deactivation.DeactivateUser(office, "bob");

        Assert.Equal("bob deactivated; 1 pairing removed\npairing p1 removed: bob assisted ann", outcome.Message);
        Assert.Equal(new[] { "ann is left uncovered: no assistant answers their calls (name a successor to hand pairings over)" }, outcome.Warnings);
        Assert.Empty(office.Pairings);
    }

    [Fact]
    public void An_executive_still_covered_by_another_assistant_is_not_warned()
    {
        var office = TestOffice.Create();
        office.Pair("ann", "bob");
        office.Pair("ann", "carol");

        Assert.Empty(Deactivation.DeactivateUser(office, "bob").Warnings);
    }

    [Fact]
    public void A_handover_that_would_break_the_successors_limit_refuses_the_whole_deactivation()
    {
        var office = TestOffice.Create();
        office.Pair("ann", "bob");
        office.Pair("reception", "carol");
        Delegation.SetLimits(office, null, 1, null);

        Outcome outcome = Deactivation.DeactivateUser(office, "bob", "carol");

        Assert.Equal("cannot hand pairing p1 (ann) to carol: carol already assists 1 executive (limit: 1 per assistant); name another successor or raise the limit", Refusal(outcome));
        Assert.True(office.FindUser("bob")!.Active);
        Assert.Equal("bob", office.FindPairing("p1")!.Assistant);
    }

    [Fact]
    public void A_pairing_the_successor_cannot_take_is_removed_with_the_reason()
    {
        var office = TestOffice.Create();
        office.Pair("ann", "bob");
        office.Pair("ann", "carol", Permissions.PlaceCalls);
        office.Pair("dave", "bob");
        office.Pair("carol", "dave");

        Outcome toCarol = Deactivation.DeactivateUser(office, "bob", "carol");

        Assert.Equal("bob deactivated; 0 pairings handed to carol; 2 pairings removed\n"
            + "pairing p1 removed, not handed to carol: carol is already ann's assistant (pairing p2, active)\n"
            + "pairing p3 removed, not handed to carol: carol is already dave's executive (pairing p4, active); dave cannot also be carol's executive",
            toCarol.Message);
        Assert.Equal(new[] { "ann is left uncovered: no assistant answers their calls", "dave is left uncovered: no assistant answers their calls" }, toCarol.Warnings);
    }

    [Fact]
    public void The_executive_as_successor_cannot_take_their_own_line()
    {
        var office = TestOffice.Create();
        office.Pair("ann", "bob");

        Outcome outcome = Deactivation.DeactivateUser(office, "bob", "ann");

        Assert.Contains("pairing p1 removed, not handed to ann: ann cannot be their own assistant", outcome.Message);
        Assert.Empty(office.Pairings);
    }

    [Fact]
    public void Pending_requests_are_withdrawn_and_an_executives_own_pairings_end()
    {
        var office = TestOffice.Create();
        office.Pair("bob", "carol");
        Delegation.AddPairing(office, "ann", "bob", Actor.User("bob"));

        Outcome outcome = Deactivation.DeactivateUser(office, "bob", "dave");

        Assert.Equal("bob deactivated; 0 pairings handed to dave; 2 pairings removed\n"
            + "pairing p1 ended: bob was its executive (carol assisted)\n"
            + "pairing p2 (pending) withdrawn", outcome.Message);
        Assert.Empty(office.Pairings);
    }

    [Fact]
    public void The_handover_replaces_the_successors_own_pending_request_for_the_same_executive()
    {
        var office = TestOffice.Create();
        office.Pair("ann", "bob");
        Delegation.AddPairing(office, "ann", "carol", Actor.User("carol"), Permissions.PlaceCalls);

        Outcome outcome = Deactivation.DeactivateUser(office, "bob", "carol");

        Assert.Contains("pairing p2 (pending) replaced by the handover of p1", outcome.Message);
        Pairing p = Assert.Single(office.Pairings);
        Assert.Equal(("p1", "carol", PairingState.Active, PermissionNames.Default), (p.Id, p.Assistant, p.State, p.Permissions));
    }

    [Fact]
    public void Deactivating_twice_or_naming_a_bad_successor_is_refused()
    {
        var office = TestOffice.Create();
        office.FindUser("dave")!.Active = false;

        Assert.Equal("dave is already deactivated", Refusal(Deactivation.DeactivateUser(office, "dave")));
        Assert.Equal("bob cannot be their own successor", Refusal(Deactivation.DeactivateUser(office, "bob", "bob")));
        Assert.Equal("successor: dave is deactivated", Refusal(Deactivation.DeactivateUser(office, "bob", "dave")));
        Assert.Equal("successor: no user 'carl' in the office (did you mean 'carol'?)", Refusal(Deactivation.DeactivateUser(office, "bob", "carl")));
        Assert.True(office.FindUser("bob")!.Active);
    }
}
