using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Transaction;
using DeskPhone.Firmware.Sip.Transport;

namespace DeskPhone.Firmware.Tests.Sip.Transaction;

public class ServerTransactionTests
{
    private static readonly SipTarget Phone = new("UDP", "127.0.0.1", 5070);

    [Fact]
    public void An_INVITE_the_TU_leaves_unanswered_gets_100_Trying_after_200_ms()
    {
        var rig = new TransactionRig();
        rig.Deliver(TransactionRig.Request("INVITE"), Phone);
        Assert.Equal(new[] { "0 request INVITE" }, rig.Events);
        rig.Wait(199);
        Assert.Empty(rig.Sent);
        rig.Wait(1);
        Assert.Equal(new long[] { 200 }, rig.SendTimes("100 Trying"));
    }

    [Fact]
    public void A_rejected_INVITE_is_retransmitted_by_timer_G_until_the_ACK_confirms_it()
    {
        var rig = new TransactionRig();
        var invite = TransactionRig.Request("INVITE");
        rig.Deliver(invite, Phone);
        SipMessage? busy = null;
        rig.Run(() => busy = rig.NewServer[0].Respond(486));
        rig.Wait(7600);
        Assert.Equal(new long[] { 0, 500, 1500, 3500, 7500 }, rig.SendTimes("486"));
        var ack = TransactionRig.Request("ACK");
        ack.SetHeader("To", busy!.GetHeader("To"));
        ack.SetHeader("CSeq", "1 ACK");
        rig.Deliver(ack, Phone);
        Assert.Equal(TransactionState.Confirmed, rig.NewServer[0].State);
        Assert.DoesNotContain(rig.Events, e => e.EndsWith("ack")); // the ACK for a non-2xx stays in the transaction
        rig.Wait(20_000);
        Assert.Equal(5, rig.SendTimes("486").Length);
        Assert.Equal(0, rig.Layer.ServerCount); // timer I
    }

    [Fact]
    public void A_rejected_INVITE_whose_ACK_never_comes_fails_after_timer_H()
    {
        var rig = new TransactionRig();
        rig.Deliver(TransactionRig.Request("INVITE"), Phone);
        rig.Run(() => rig.NewServer[0].Respond(603));
        rig.Wait(32_000);
        Assert.Contains("32000 server-failed INVITE", rig.Events);
        Assert.Equal(0, rig.Layer.ServerCount);
    }

    [Fact]
    public void A_retransmitted_INVITE_gets_the_last_provisional_again_and_does_not_reach_the_TU_twice()
    {
        var rig = new TransactionRig();
        var invite = TransactionRig.Request("INVITE");
        rig.Deliver(invite, Phone);
        rig.Run(() => rig.NewServer[0].Respond(180));
        rig.Wait(500);
        rig.Deliver(invite, Phone);
        Assert.Equal(new long[] { 0, 500 }, rig.SendTimes("180"));
        Assert.Single(rig.Events, e => e.EndsWith("request INVITE"));
    }

    [Fact]
    public void After_a_2xx_the_ACK_goes_to_the_TU_and_retransmitted_INVITEs_are_absorbed()
    {
        var rig = new TransactionRig();
        var invite = TransactionRig.Request("INVITE");
        rig.Deliver(invite, Phone);
        rig.Run(() => rig.NewServer[0].Respond(200));
        Assert.Equal(TransactionState.Accepted, rig.NewServer[0].State);
        rig.Deliver(invite, Phone);
        Assert.Single(rig.SendTimes("200"));
        var ack = TransactionRig.Request("ACK");
        ack.SetHeader("CSeq", "1 ACK");
        rig.Deliver(ack, Phone);
        Assert.Contains("0 ack", rig.Events);
        rig.Wait(32_000);
        Assert.Equal(0, rig.Layer.ServerCount); // timer L
    }

    [Fact]
    public void A_final_answer_is_kept_compacted_for_retransmissions_and_let_go_with_the_transaction()
    {
        var rig = new TransactionRig();
        var options = TransactionRig.Request("OPTIONS");
        rig.Deliver(options, Phone);
        var tx = rig.NewServer[0];
        var ok = SipMessage.CreateResponse(tx.Request, 200, "OK");
        ok.AddHeader("Allow", "INVITE, ACK, BYE");
        byte[] wire = ok.ToBytes();
        rig.Run(() => tx.Respond(ok));
        Assert.Equal(wire, tx.LastResponse!.ToBytes());
        rig.Wait(1000);
        rig.Deliver(options, Phone);
        Assert.Equal(new long[] { 0, 1000 }, rig.SendTimes("200"));
        Assert.Equal(wire, rig.Sent[^1].message.ToBytes());
        rig.Wait(31_000);
        Assert.True(tx.IsTerminated);
        Assert.True(tx.IsAnswered);
        Assert.Null(tx.LastResponse);
    }

    [Fact]
    public void A_retransmitted_non_INVITE_request_gets_the_same_answer_until_timer_J()
    {
        var rig = new TransactionRig();
        var options = TransactionRig.Request("OPTIONS");
        rig.Deliver(options, Phone);
        rig.Run(() => rig.NewServer[0].Respond(200));
        rig.Wait(1000);
        rig.Deliver(options, Phone);
        Assert.Equal(new long[] { 0, 1000 }, rig.SendTimes("200"));
        rig.Wait(31_000);
        Assert.Equal(0, rig.Layer.ServerCount);
        rig.Deliver(options, Phone);
        Assert.Equal(2, rig.Events.Count(e => e.EndsWith("request OPTIONS"))); // a new transaction after J
    }

    [Fact]
    public void A_CANCEL_for_a_ringing_INVITE_gets_200_and_tells_the_TU_and_one_for_nothing_gets_481()
    {
        var rig = new TransactionRig();
        var invite = TransactionRig.Request("INVITE");
        rig.Deliver(invite, Phone);
        rig.Run(() => rig.NewServer[0].Respond(180));
        var cancel = TransactionRig.Request("CANCEL");
        rig.Deliver(cancel, Phone);
        Assert.Single(rig.SendTimes("200"));
        Assert.Contains("0 cancel", rig.Events);
        Assert.True(((InviteServerTransaction)rig.NewServer[0]).Cancelled);

        rig.Deliver(TransactionRig.Request("CANCEL", "z9hG4bKunknown"), Phone);
        Assert.Single(rig.SendTimes("481"));
    }

    [Fact]
    public void Responses_go_to_the_source_port_when_the_request_asked_for_rport()
    {
        var rig = new TransactionRig();
        var invite = TransactionRig.Request("OPTIONS");
        invite.SetHeader("Via", "SIP/2.0/UDP 10.9.9.9:5070;branch=z9hG4bKnat;rport=40000;received=127.0.0.9");
        rig.Deliver(invite, new SipTarget("UDP", "127.0.0.9", 40000));
        rig.Run(() => rig.NewServer[0].Respond(200));
        var target = rig.Sent.Single().target;
        Assert.Equal(("127.0.0.9", 40000), (target.Address, target.Port));
    }

    [Fact]
    public void A_request_with_an_RFC_2543_branch_is_matched_by_its_other_fields()
    {
        var rig = new TransactionRig();
        var old = TransactionRig.Request("OPTIONS", "oldstyle1");
        rig.Deliver(old, Phone);
        rig.Run(() => rig.NewServer[0].Respond(200));
        rig.Deliver(old, Phone);
        Assert.Single(rig.Events, e => e.EndsWith("request OPTIONS"));
        Assert.Equal(2, rig.SendTimes("200").Length);
    }
}
