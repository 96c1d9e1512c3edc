// The office's pairing limits: 15 assistants per executive, 15 executives per assistant, 25 pairings, or what the admin sets.
using DeskPhone.Office.Model;
using DeskPhone.Office.Rules;
using static DeskPhone.Office.Tests.Rules.PairingTests;

namespace DeskPhone.Office.Tests.Rules;

public class LimitTests
{
    [Fact]
    public void The_default_limits_are_15_assistants_per_executive_15_executives_per_assistant_and_25_pairings_per_office()
    {
        var limits = TestOffice.Create().Limits;

        Assert.Equal((15, 15, 25), (limits.AssistantsPerExecutive, limits.ExecutivesPerAssistant, limits.PairingsPerOffice));
    }

    [Fact]
    public void An_executive_with_15_assistants_cannot_get_a_16th()
    {
        var office = TestOffice.Create(extraUsers: 16);
        for (int i = 1; i <= 15; i++) office.Pair("ann", "u" + i);

        Assert.Equal("ann already has 15 assistants (limit: 15 per executive)", Refusal(Delegation.AddPairing(office, "ann", "u16", Actor.Admin)));
    }

    [Fact]
    public void An_assistant_serving_15_executives_cannot_take_a_16th_and_pending_requests_count()
    {
        var office = TestOffice.Create(extraUsers: 16);
        for (int i = 1; i <= 14; i++) office.Pair("u" + i, "bob");
        Assert.True(Delegation.AddPairing(office, "u15", "bob", Actor.User("bob")).Ok); // pending, still counted

        Assert.Equal("bob already assists 15 executives (limit: 15 per assistant)", Refusal(Delegation.AddPairing(office, "u16", "bob", Actor.Admin)));
    }

    [Fact]
    public void The_office_holds_at_most_25_pairings_and_declined_ones_do_not_count()
    {
        var office = TestOffice.Create(extraUsers: 26);
        for (int i = 1; i <= 24; i++) office.Pair("u" + i, "u" + (i + 1));
        Delegation.AddPairing(office, "ann", "bob", Actor.User("bob"));
        Delegation.Decline(office, "p25", Actor.User("ann"));
        office.Pair("u25", "u26"); // the 25th live pairing

        Assert.Equal("the office already has 25 pairings (limit: 25 per office)", Refusal(Delegation.AddPairing(office, "ann", "carol", Actor.Admin)));
    }

    [Fact]
    public void Limits_the_admin_sets_apply_to_new_pairings()
    {
        var office = TestOffice.Create();
        office.Pair("ann", "bob");

        Outcome set = Delegation.SetLimits(office, 1, 3, 10);

        Assert.Equal("limits: 1 assistants per executive, 3 executives per assistant, 10 pairings per office", set.Message);
        Assert.Equal("ann already has 1 assistant (limit: 1 per executive)", Refusal(Delegation.AddPairing(office, "ann", "carol", Actor.Admin)));
        Assert.True(Delegation.AddPairing(office, "dave", "carol", Actor.Admin).Ok);
    }

    [Fact]
    public void A_limit_cannot_go_below_what_the_office_already_has_or_below_1()
    {
        var office = TestOffice.Create();
        office.Pair("ann", "bob");
        office.Pair("ann", "carol");

        Assert.Equal("ann already has 2 assistants; the limit of assistants per executive cannot go below that", Refusal(Delegation.SetLimits(office, 1, null, null)));
        Assert.Equal("the limit of pairings per office must be at least 1", Refusal(Delegation.SetLimits(office, null, null, 0)));
        Assert.Equal(15, office.Limits.AssistantsPerExecutive);
    }
}
