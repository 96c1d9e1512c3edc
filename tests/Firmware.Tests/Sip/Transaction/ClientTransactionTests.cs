using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Transaction;

namespace DeskPhone.Firmware.Tests.Sip.Transaction;

public class ClientTransactionTests
{
    [Fact]
    public void An_unanswered_INVITE_over_UDP_is_retransmitted_by_timer_A_doubling_until_timer_B_gives_up_at_32_s()
    {
        var rig = new TransactionRig();
        var invite = TransactionRig.Request("INVITE");
        rig.Run(() => rig.Layer.SendRequest(invite, TransactionRig.Proxy, rig));
        rig.Wait(40_000);
        Assert.Equal(new long[] { 0, 500, 1500, 3500, 7500, 15500, 31500 }, rig.SendTimes("INVITE"));
        Assert.Equal(new[] { "32000 timeout INVITE" }, rig.Events);
        Assert.Equal(0, rig.Layer.ClientCount);
    }

    [Fact]
    public void An_INVITE_over_TCP_is_never_retransmitted_but_still_times_out()
    {
        var rig = new TransactionRig();
        rig.Run(() => rig.Layer.SendRequest(TransactionRig.Request("INVITE", transport: "TCP"), TransactionRig.ProxyTcp, rig));
        rig.Wait(40_000);
        Assert.Equal(new long[] { 0 }, rig.SendTimes("INVITE"));
        Assert.Equal(new[] { "32000 timeout INVITE" }, rig.Events);
    }

    [Fact]
    public void A_provisional_response_stops_retransmissions_and_the_INVITE_then_waits_without_timeout()
    {
        var rig = new TransactionRig();
        var invite = TransactionRig.Request("INVITE");
        ClientTransaction? tx = null;
        rig.Run(() => tx = rig.Layer.SendRequest(invite, TransactionRig.Proxy, rig));
        rig.Wait(600);
        rig.Deliver(TransactionRig.ResponseTo(invite, 180));
        rig.Wait(120_000);
        Assert.Equal(new long[] { 0, 500 }, rig.SendTimes("INVITE"));
        Assert.Equal(new[] { "600 response 180 INVITE" }, rig.Events);
        Assert.Equal(TransactionState.Proceeding, tx!.State);
    }

    [Fact]
    public void A_busy_INVITE_is_acknowledged_by_the_transaction_with_the_responses_To_tag_and_the_same_branch()
    {
        var rig = new TransactionRig();
        var invite = TransactionRig.Request("INVITE");
        rig.Run(() => rig.Layer.SendRequest(invite, TransactionRig.Proxy, rig));
        var busy = TransactionRig.ResponseTo(invite, 486, "busy7");
        rig.Deliver(busy);
        rig.Deliver(busy); // retransmitted by the far end
        var acks = rig.Sent.Where(s => s.message.Method == "ACK").Select(s => s.message).ToList();
        Assert.Equal(2, acks.Count);
        var ack = TransactionRig.Parse(acks[0]);
        Assert.Equal("busy7", ack.ToTag);
        Assert.Equal("z9hG4bKclient1", ack.TopVia.Branch);
        Assert.Equal("ACK", ack.CSeqMethod);
        Assert.Equal(1, ack.CSeqNumber);
        Assert.Equal("sip:bob@office.example", ack.RequestUriText);
        Assert.Equal(new[] { "0 response 486 INVITE" }, rig.Events); // told once
        rig.Wait(31_999);
        Assert.Equal(1, rig.Layer.ClientCount);
        rig.Wait(1);
        Assert.Equal(0, rig.Layer.ClientCount); // timer D
    }

    [Fact]
    public void Every_2xx_to_an_INVITE_reaches_the_owner_until_timer_M_ends_the_accepted_state()
    {
        var rig = new TransactionRig();
        var invite = TransactionRig.Request("INVITE");
        ClientTransaction? tx = null;
        rig.Run(() => tx = rig.Layer.SendRequest(invite, TransactionRig.Proxy, rig));
        var ok = TransactionRig.ResponseTo(invite, 200);
        rig.Deliver(ok);
        Assert.Equal(TransactionState.Accepted, tx!.State);
        rig.Wait(1000);
        rig.Deliver(ok);
        Assert.Equal(new[] { "0 response 200 INVITE", "1000 response 200 INVITE" }, rig.Events);
        Assert.DoesNotContain(rig.Sent, s => s.message.Method == "ACK"); // the ACK for a 2xx belongs to the dialog
        rig.Wait(31_000);
        Assert.Equal(TransactionState.Terminated, tx.State);
    }

    [Fact]
    public void An_unanswered_REGISTER_is_retransmitted_with_timer_E_capped_at_T2_until_timer_F()
    {
        var rig = new TransactionRig();
        rig.Run(() => rig.Layer.SendRequest(TransactionRig.Request("REGISTER"), TransactionRig.Proxy, rig));
        rig.Wait(40_000);
        Assert.Equal(new long[] { 0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500 }, rig.SendTimes("REGISTER"));
        Assert.Equal(new[] { "32000 timeout REGISTER" }, rig.Events);
    }

    [Fact]
    public void After_a_provisional_a_non_INVITE_request_is_retransmitted_every_T2()
    {
        var rig = new TransactionRig();
        var options = TransactionRig.Request("OPTIONS");
        rig.Run(() => rig.Layer.SendRequest(options, TransactionRig.Proxy, rig));
        rig.Deliver(TransactionRig.ResponseTo(options, 100));
        rig.Wait(12_000);
        Assert.Equal(new long[] { 0, 500, 4500, 8500 }, rig.SendTimes("OPTIONS"));
    }

    [Fact]
    public void A_final_response_completes_a_non_INVITE_transaction_which_lingers_for_timer_K()
    {
        var rig = new TransactionRig();
        var register = TransactionRig.Request("REGISTER");
        ClientTransaction? tx = null;
        rig.Run(() => tx = rig.Layer.SendRequest(register, TransactionRig.Proxy, rig));
        var ok = TransactionRig.ResponseTo(register, 200);
        rig.Deliver(ok);
        rig.Deliver(ok);
        Assert.Equal(new[] { "0 response 200 REGISTER" }, rig.Events);
        Assert.Equal(TransactionState.Completed, tx!.State);
        rig.Wait(5000);
        Assert.Equal(TransactionState.Terminated, tx.State);
        Assert.Equal(new long[] { 0 }, rig.SendTimes("REGISTER"));
    }

    [Fact]
    public void A_request_the_transport_cannot_send_ends_its_transaction_with_a_transport_failure()
    {
        var rig = new TransactionRig { FailSends = true };
        rig.Run(() => rig.Layer.SendRequest(TransactionRig.Request("REGISTER"), TransactionRig.Proxy, rig));
        Assert.Equal(new[] { "0 transport-failed REGISTER" }, rig.Events);
        Assert.Equal(0, rig.Layer.ClientCount);
    }

    [Fact]
    public void A_cancel_asked_for_before_any_provisional_waits_for_one_then_goes_out_with_the_INVITEs_branch()
    {
        var rig = new TransactionRig();
        var invite = TransactionRig.Request("INVITE");
        InviteClientTransaction? tx = null;
        rig.Run(() =>
        {
            tx = (InviteClientTransaction)rig.Layer.SendRequest(invite, TransactionRig.Proxy, rig);
            Assert.True(tx.RequestCancel(rig));
        });
        Assert.Empty(rig.SendTimes("CANCEL"));
        rig.Wait(100);
        rig.Deliver(TransactionRig.ResponseTo(invite, 180));
        var cancel = TransactionRig.Parse(rig.Sent.Single(s => s.message.Method == "CANCEL").message);
        Assert.Equal("z9hG4bKclient1", cancel.TopVia.Branch);
        Assert.Equal("1 CANCEL", cancel.GetHeader("CSeq"));
        Assert.Null(cancel.ToTag);
        rig.Deliver(TransactionRig.ResponseTo(cancel, 200));
        rig.Deliver(TransactionRig.ResponseTo(invite, 487));
        Assert.Contains("100 response 200 CANCEL", rig.Events);
        Assert.Contains("100 response 487 INVITE", rig.Events);
        Assert.False(tx!.RequestCancel(rig)); // too late now
    }

    [Fact]
    public void A_response_that_matches_no_transaction_goes_to_the_TU_as_stray()
    {
        var rig = new TransactionRig();
        rig.Deliver(TransactionRig.ResponseTo(TransactionRig.Request("INVITE", "z9hG4bKnobody"), 200));
        Assert.Equal(new[] { "0 stray 200" }, rig.Events);
    }

    [Fact]
    public void Branches_are_RFC_3261_branches_and_differ_every_time()
    {
        var rig = new TransactionRig();
        var branches = Enumerable.Range(0, 100).Select(_ => rig.Layer.NewBranch()).ToList();
        Assert.All(branches, b => Assert.StartsWith(SipVia.MagicCookie, b));
        Assert.Equal(100, branches.Distinct().Count());
    }
}

public class FlowFailureTests
{
    [Fact]
    public void A_broken_stream_fails_the_transactions_over_it_and_tells_the_TU()
    {
        var rig = new TransactionRig();
        rig.Run(() => rig.Layer.SendRequest(TransactionRig.Request("REGISTER", transport: "TCP"), TransactionRig.ProxyTcp, rig));
        rig.Run(() => rig.Layer.FlowFailed(TransactionRig.ProxyTcp, "reset"));
        Assert.Equal(new[] { "0 transport-failed REGISTER", "0 flow-failed TCP 127.0.0.1:5060" }, rig.Events);
        Assert.Equal(0, rig.Layer.ClientCount);
    }
}
