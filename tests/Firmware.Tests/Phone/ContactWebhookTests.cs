// The contact on the CRM's call events: call.incoming when the directory knew the caller as it rang, call.ended always.
using System.Text.Json;
using DeskPhone.Firmware.Http;
using DeskPhone.Firmware.Tests.Contacts;
using DeskPhone.Firmware.Tests.Http;

namespace DeskPhone.Firmware.Tests.Phone;

public class ContactWebhookTests
{
    private const string Webhooks = ", \"webhooks\": { \"url\": \"http://127.0.1.70:8000/phone-events\", \"token\": \"hook-token\" }";

    private sealed class Receiver
    {
        public readonly RecordingHandler Handler = new();

        public Receiver(PhoneRig rig) =>
            Assert.True(new HttpServer(rig.Wire.AddHost("127.0.1.70"), rig.Loop, rig.Log, Handler).Start(8000));

        public JsonElement Call(string type) => Handler.Requests.Select(r => JsonDocument.Parse(r.BodyText).RootElement)
            .Single(e => e.GetProperty("type").GetString() == type).GetProperty("call");
    }

    private static string? Field(JsonElement call, string name) => call.TryGetProperty(name, out var v) ? v.GetString() : "(absent)";

    /// <summary>A call from <paramref name="number"/> rings (for <paramref name="ringMs"/>) and the caller gives up: the incoming and ended events' "call".</summary>
    private static (JsonElement Incoming, JsonElement Ended) RingAndGiveUp(PhoneRig rig, string number, int ringMs = 0)
    {
        var crm = new Receiver(rig);
        var invite = CallerContactTests.Call(rig, number);
        rig.Wait(ringMs);
        CallerContactTests.CallerGivesUp(rig, invite);
        rig.Wait(100);
        rig.NoLoopFailures();
        return (crm.Call("call.incoming"), crm.Call("call.ended"));
    }

    [Fact]
    public void A_caller_the_directory_knows_rings_into_the_crm_with_contact_and_company_and_ends_with_them()
    {
        var (incoming, ended) = RingAndGiveUp(CallerContactTests.Rig(more: Webhooks), "202");
        Assert.Equal(("Bob Stone", "Acme Ltd"), (Field(incoming, "contact"), Field(incoming, "company")));
        Assert.Equal(("Bob Stone", "Acme Ltd"), (Field(ended, "contact"), Field(ended, "company")));
    }

    [Fact]
    public void A_caller_the_crm_names_later_rings_without_a_contact_and_ends_with_the_one_looked_up()
    {
        var rig = CallerContactTests.Rig(more: Webhooks, beforeBoot: r =>
        {
            new FakeCrm(r.Wire).Answer = _ => FakeCrm.Json("""{"contacts":[{"name":"Gina Moss","company":"Moss & Sons","numbers":["+44 20 7946 0999"]}]}""");
        });
        rig.Wire.Link("127.0.2.1", "127.0.1.1").DelayMs = 400;
        var (incoming, ended) = RingAndGiveUp(rig, "+442079460999", ringMs: 1000);
        Assert.Equal("+442079460999", Field(incoming, "number"));
        Assert.Equal(("(absent)", "(absent)"), (Field(incoming, "contact"), Field(incoming, "company")));
        Assert.Equal(("Gina Moss", "Moss & Sons"), (Field(ended, "contact"), Field(ended, "company")));
    }

    [Fact]
    public void A_number_two_contacts_share_rings_without_a_contact_since_none_is_chosen_yet()
    {
        var (incoming, ended) = RingAndGiveUp(CallerContactTests.Rig(more: Webhooks), "+442079460100");
        Assert.Equal("(absent)", Field(incoming, "contact"));
        Assert.Null(Field(ended, "contact"));
    }
}
