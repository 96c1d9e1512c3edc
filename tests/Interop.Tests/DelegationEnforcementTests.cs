using DeskPhone.Office.Model;
using DeskPhone.Office.Rules;
using DeskPhone.Softswitch;
// The softswitch refuses what an office's pairings do not allow, even when a phone crafts the request:
// Kamailio runs with the subscriber and delegation tables generated from an office directory.
using DeskPhone.Interop.Tests.Harness;

namespace DeskPhone.Interop.Tests;

public sealed class DelegationEnforcementTests
{
    const string Domain = "office.example";

    // reception 201, bob 202, ann 203 (the executive), carol 204, dave 205 (paired with nobody).
    static readonly (string Id, string Extension)[] People = { ("reception", "201"), ("bob", "202"), ("ann", "203"), ("carol", "204"), ("dave", "205") };

    static string Password(string extension) => People.Single(p => p.Extension == extension).Id + "-secret";

    /// <summary>The five people, and the pairings an admin made (active at once), through the office rules.</summary>
    static OfficeDirectory Office(params (string Executive, string Assistant, Permissions Allowed)[] pairings)
    {
        var office = new OfficeDirectory { Sip = new SipSettings { Domain = Domain, Registrar = "sip:127.0.0.1:5060" } };
        foreach (var (id, extension) in People)
            office.Users.Add(new User { Id = id, Name = id, Extension = extension, Password = id + "-secret" });
        foreach (var (executive, assistant, allowed) in pairings)
            Assert.True(Delegation.AddPairing(office, executive, assistant, Actor.Admin, allowed).Ok);
        return office;
    }

    /// <summary>Bob answers for Ann and may pick up; Carol may only place calls as Ann.</summary>
    static OfficeDirectory AnnsOffice() => Office(
        ("ann", "bob", Permissions.Answer | Permissions.PickUpHeld),
        ("ann", "carol", Permissions.PlaceCalls));

    static KamailioProcess Start(OfficeDirectory office) => new KamailioProcess(Domain).UseOffice(office).Start();

    static string CallInfo(int appearance, string? state = null) =>
        $"Call-Info: <sip:{Domain}>;appearance-index={appearance}" + (state == null ? "" : ";appearance-state=" + state);

    [Theory]
    [InlineData("202")] // paired with Ann, but only to answer and pick up
    [InlineData("205")] // not paired at all
    public void An_INVITE_with_the_executives_identity_from_a_user_without_place_calls_is_refused_with_403_naming_the_executive(string crafter)
    {
        using var kamailio = Start(AnnsOffice());
        using var probe = new SipProbe(kamailio.EndPoint);

        var response = probe.Send("INVITE", kamailio.Aor("201"), kamailio.Aor("203"), kamailio.Aor("201"), crafter, Password(crafter));

        Assert.Equal((403, "Not allowed to call as 203"), (response.Status, response.Reason));
    }

    [Fact]
    public void A_claimed_P_Asserted_Identity_of_the_executive_is_refused_like_a_From()
    {
        using var kamailio = Start(AnnsOffice());
        using var probe = new SipProbe(kamailio.EndPoint);

        var response = probe.Send("INVITE", kamailio.Aor("201"), kamailio.Aor("202"), kamailio.Aor("201"), "202", "bob-secret",
            new[] { $"P-Asserted-Identity: <{kamailio.Aor("203")}>" });

        Assert.Equal((403, "Not allowed to call as 203"), (response.Status, response.Reason));
    }

    [Theory]
    [InlineData("carol-secret", "204", true)]  // Carol may place calls as Ann
    [InlineData("bob-secret", "202", false)]   // Bob may not
    public void A_real_phone_calling_with_the_executives_identity_reaches_the_callee_only_with_place_calls(string password, string authUser, bool allowed)
    {
        using var kamailio = Start(AnnsOffice());
        using var callee = new BaresipProcess(kamailio, "201", "reception-secret").Start();
        using var asAnn = new BaresipProcess(kamailio, "203", password).Start();
        Assert.Equal("REGISTER_OK", callee.Register().Type);
        asAnn.UseAccountWithoutRegistering(authUser);

        asAnn.Dial(callee.Aor);

        if (allowed)
        {
            var incoming = callee.WaitForEvent("CALL_INCOMING");
            Assert.Equal(kamailio.Aor("203"), incoming.PeerUri);
            asAnn.Hangup();
            callee.WaitForEvent("CALL_CLOSED");
        }
        else
        {
            var closed = asAnn.WaitForEvent("CALL_CLOSED");
            Assert.Equal("403 Not allowed to call as 203", closed.Param);
        }
    }

    [Fact]
    public void The_executives_calls_ring_the_executive_and_the_assistants_allowed_to_answer_and_no_other_assistant()
    {
        using var kamailio = Start(AnnsOffice());
        using var caller = new BaresipProcess(kamailio, "201", "reception-secret").Start();
        using var ann = new BaresipProcess(kamailio, "203", "ann-secret").Start();
        using var bob = new BaresipProcess(kamailio, "202", "bob-secret").Start();
        using var carol = new BaresipProcess(kamailio, "204", "carol-secret").Start();
        foreach (var phone in new[] { caller, ann, bob, carol }) Assert.Equal("REGISTER_OK", phone.Register().Type);

        caller.Dial(ann.Aor);
        var atAnn = ann.WaitForEvent("CALL_INCOMING");
        var atBob = bob.WaitForEvent("CALL_INCOMING");
        bob.Answer();
        caller.WaitForEvent("CALL_ESTABLISHED");
        ann.WaitForEvent("CALL_CLOSED"); // the other branch is cancelled once Bob answers
        caller.Hangup();
        bob.WaitForEvent("CALL_CLOSED");
        // A barrier: a call straight to Carol. Kamailio sent all branches of Ann's call at once, before
        // this one, so had Carol been given one it would be here first.
        caller.Dial(carol.Aor);
        carol.WaitForEvent("CALL_INCOMING");

        Assert.Equal(caller.Aor, atAnn.PeerUri);
        Assert.Equal(caller.Aor, atBob.PeerUri);
        Assert.Single(carol.Events, e => e.Type == "CALL_INCOMING");
    }

    [Theory]
    [InlineData("205", "call-info", 403)]  // paired with nobody
    [InlineData("205", "line-seize", 403)]
    [InlineData("202", "call-info", 200)]  // Ann's assistant
    [InlineData("203", "call-info", 200)]  // Ann herself
    public void Only_the_executive_and_paired_assistants_may_subscribe_to_the_executives_line(string subscriber, string package, int expected)
    {
        using var kamailio = Start(AnnsOffice());
        using var probe = new SipProbe(kamailio.EndPoint);

        var response = probe.Send("SUBSCRIBE", kamailio.Aor("203"), kamailio.Aor(subscriber), kamailio.Aor("203"), subscriber, Password(subscriber),
            new[] { "Event: " + package, "Expires: " + (package == "line-seize" ? "10" : "60"), CallInfo(1) });

        if (expected == 403) Assert.Equal((403, "Not paired with 203"), (response.Status, response.Reason));
        else Assert.InRange(response.Status, 200, 202);
    }

    [Theory]
    [InlineData("202")] // even Ann's assistant: her calls reach him by the proxy's fork, not by his registering her address
    [InlineData("205")]
    public void A_REGISTER_for_the_executives_address_with_another_users_credentials_is_refused_with_403(string crafter)
    {
        using var kamailio = Start(AnnsOffice());
        using var probe = new SipProbe(kamailio.EndPoint);

        var response = probe.Send("REGISTER", $"sip:{Domain}", kamailio.Aor("203"), kamailio.Aor("203"), crafter, Password(crafter), new[] { "Expires: 60" });

        Assert.Equal((403, "Not allowed to register as 203"), (response.Status, response.Reason));
    }

    [Fact]
    public void A_held_call_pickup_by_an_assistant_without_pick_up_is_refused_and_with_it_goes_on_to_the_line()
    {
        using var kamailio = Start(AnnsOffice());
        using var probe = new SipProbe(kamailio.EndPoint);
        string ann = kamailio.Aor("203");

        var carol = probe.Send("INVITE", ann, ann, ann, "204", "carol-secret", new[] { CallInfo(1) });
        var bob = probe.Send("INVITE", ann, ann, ann, "202", "bob-secret", new[] { CallInfo(1) });

        Assert.Equal((403, "Not allowed to pick up 203's held calls"), (carol.Status, carol.Reason));
        // Bob's passes the softswitch's checks: with no held call on appearance 1 it is a call to
        // Ann's line, which nobody has registered (and Bob's own phone is never rung for his call).
        Assert.Equal(480, bob.Status);
    }

    [Fact]
    public async Task A_privately_held_call_cannot_be_picked_up_even_by_an_assistant_allowed_to_pick_up()
    {
        using var kamailio = Start(AnnsOffice());
        using var callee = new BaresipProcess(kamailio, "201", "reception-secret").Start();
        Assert.Equal("REGISTER_OK", callee.Register().Type);
        using var annPhone = new SipProbe(kamailio.EndPoint);
        using var bobPhone = new SipProbe(kamailio.EndPoint);
        string ann = kamailio.Aor("203");
        int media = annPhone.LocalPort + 2;

        // Ann calls reception on appearance 1 of her line, then holds the call privately.
        var call = Task.Run(() => annPhone.Invite(callee.Aor, ann, callee.Aor, "203", "ann-secret", SipProbe.Sdp(media), new[] { CallInfo(1) }));
        callee.WaitForEvent("CALL_INCOMING");
        callee.Answer();
        var dialog = await call;
        var hold = dialog.Reinvite(new[] { CallInfo(1, "held-private") }, SipProbe.Sdp(media, "sendonly"));
        var whilePrivate = bobPhone.Send("INVITE", ann, ann, ann, "202", "bob-secret", new[] { CallInfo(1) });
        // Off private hold (a re-INVITE without held-private): the appearance is no longer refused.
        var resume = dialog.Reinvite(new[] { CallInfo(1, "active") }, SipProbe.Sdp(media));
        var afterwards = bobPhone.Send("INVITE", ann, ann, ann, "202", "bob-secret", new[] { CallInfo(1) });
        dialog.Bye();

        Assert.Equal(200, hold.Status);
        Assert.Equal((403, "Private call: not for pickup"), (whilePrivate.Status, whilePrivate.Reason));
        Assert.Equal(200, resume.Status);
        Assert.Equal(480, afterwards.Status); // a call to Ann's line again, which nobody registered
    }

    [Fact]
    public void Without_office_data_nobody_may_act_as_another_user()
    {
        using var kamailio = new KamailioProcess(Domain).AddSubscriber("202", "bob-secret").AddSubscriber("203", "ann-secret").Start();
        using var probe = new SipProbe(kamailio.EndPoint);

        var response = probe.Send("INVITE", kamailio.Aor("201"), kamailio.Aor("203"), kamailio.Aor("201"), "202", "bob-secret");

        Assert.Equal((403, "Not allowed to call as 203"), (response.Status, response.Reason));
    }
}
