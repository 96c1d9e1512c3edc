// Caller ID from the contact directory and the CRM's lookup URL, as a receptionist sees it on the phone.
using System.Text;
using DeskPhone.Firmware.History;
using DeskPhone.Firmware.Phone;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Tests.Contacts;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Storage;

namespace DeskPhone.Firmware.Tests.Phone;

public class CallerContactTests
{
    internal const string Directory = """
        { "contacts": [
            { "name": "Bob Stone", "company": "Acme Ltd", "id": "crm-7", "numbers": [ "202" ] },
            { "name": "Eve Park", "company": "Park Legal", "numbers": [ { "number": "+44 20 7946 0100", "label": "work" } ] },
            { "name": "Frank Lowe", "company": "Lowe & Co", "numbers": [ "020 7946 0100" ] },
            { "name": "Broken", "numbers": [ "call me" ] }
        ] }
        """;

    private static string Config(string contacts, string more) => PhoneRig.DefaultConfig.TrimEnd().TrimEnd('}') + ", \"contacts\": " + contacts + more + " }";

    /// <summary>A phone with <see cref="Directory"/> as its contacts file; <paramref name="more"/> adds device-file fields (", \"webhooks\": ...").</summary>
    internal static PhoneRig Rig(string contactsSection = "{ \"file\": \"crm-export.json\", \"lookupUrl\": \"http://127.0.2.1:8000/lookup?number={number}\" }",
        string file = "crm-export.json", string text = Directory, Action<PhoneRig>? beforeBoot = null, string more = "")
    {
        var storage = new MemoryStorage();
        byte[] data = Encoding.UTF8.GetBytes(text);
        storage.WriteAtomic(file, data, 0, data.Length);
        return new PhoneRig(Config(contactsSection, more), storage: storage, farEnd: true, beforeBoot: beforeBoot);
    }

    /// <summary>An INVITE to 201 from <paramref name="user"/>, with a display name or none.</summary>
    internal static SipMessage Call(PhoneRig rig, string user, string? display = null, string callId = "c1")
    {
        var far = rig.FarEnd!;
        var m = SipMessage.CreateRequest("INVITE", "sip:201@127.0.1.1:5070");
        m.AddHeader("Via", $"SIP/2.0/UDP {far.Address}:5060;branch={far.NewBranch()}");
        m.AddHeader("Max-Forwards", "70");
        m.AddHeader("From", (display == null ? "" : $"\"{display}\" ") + $"<sip:{user}@office.example>;tag=t-{callId}");
        m.AddHeader("To", "<sip:201@office.example>");
        m.AddHeader("Call-ID", callId);
        m.AddHeader("CSeq", "1 INVITE");
        m.AddHeader("Contact", $"<sip:{user}@{far.Address}:5060>");
        m.SetBody(PhoneRig.SdpOffer, "application/sdp");
        far.Send(m);
        rig.Wait(20);
        return m;
    }

    internal static void CallerGivesUp(PhoneRig rig, SipMessage invite)
    {
        rig.FarEnd!.Send(rig.FarEnd.CancelFor(invite));
        rig.Wait(20);
        Assert.Equal(PhoneMode.Idle, rig.Phone.Mode);
    }

    [Fact]
    public void A_caller_in_the_directory_rings_with_name_and_company_and_the_missed_call_keeps_them()
    {
        var rig = Rig();
        var invite = Call(rig, "202");
        Assert.Equal(PhoneMode.Ringing, rig.Phone.Mode);
        string lines = rig.ScreenText;
        Assert.StartsWith("Incoming call", lines);
        Assert.Contains("Bob Stone", lines);
        Assert.Contains("\nAcme Ltd | 202\n", lines); // the company under the name, the number on its right
        CallerGivesUp(rig, invite);
        CallRecord r = rig.Phone.History.At(0);
        Assert.Equal(("Bob Stone", "Acme Ltd", "Bob Stone", "202"), (r.Contact, r.Company, r.Name, r.Number));
        Assert.Equal(0, rig.Wire.Counters("127.0.1.1", "127.0.2.1").Sent); // known here: nothing looked up
        rig.NoLoopFailures();
    }

    [Fact]
    public void A_display_name_the_caller_sends_stays_and_the_company_is_added_under_it()
    {
        var rig = Rig();
        Call(rig, "202", display: "Robert");
        string lines = rig.ScreenText;
        Assert.Contains("Robert", lines);
        Assert.Contains("Acme Ltd", lines);
        Assert.DoesNotContain("Bob Stone", lines);
    }

    [Fact]
    public void A_number_two_contacts_share_says_2_contacts_and_the_one_chosen_goes_into_the_history()
    {
        var rig = Rig();
        var invite = Call(rig, "+442079460100");
        Assert.Contains("2 contacts", rig.ScreenText);
        Assert.Contains("Answer | Screen | Pick | Reject", rig.ScreenText);
        rig.Press(KeyCodes.Soft1 + 2); // Pick
        Assert.True(rig.Phone.ContactChoiceShown);
        string list = rig.ScreenText;
        Assert.Contains("Which contact?", list);
        Assert.Contains("\nEve Park\nFrank Lowe\nPark Legal\n", list); // the names, the selected one's company under them
        Assert.Equal(PhoneMode.Ringing, rig.Phone.Mode); // still ringing while the receptionist chooses
        rig.Press(KeyCodes.Down);
        Assert.Contains("Which contact? | 2/2", rig.ScreenText);
        Assert.Contains("\nLowe & Co\n", rig.ScreenText);
        rig.Press(KeyCodes.Ok);
        Assert.False(rig.Phone.ContactChoiceShown);
        string lines = rig.ScreenText;
        Assert.Contains("Frank Lowe", lines);
        Assert.Contains("Lowe & Co", lines);
        Assert.Contains("Pick", lines); // the choice can be changed
        CallerGivesUp(rig, invite);
        Assert.Equal(("Frank Lowe", "Lowe & Co"), (rig.Phone.History.At(0).Contact, rig.Phone.History.At(0).Company));
    }

    [Fact]
    public void Back_leaves_the_choice_with_nothing_chosen_and_the_history_entry_names_no_contact()
    {
        var rig = Rig();
        var invite = Call(rig, "02079460100");
        rig.Press(KeyCodes.Soft1 + 2); // Pick
        rig.Press(KeyCodes.Back);
        Assert.False(rig.Phone.ContactChoiceShown);
        Assert.Contains("2 contacts", rig.ScreenText);
        CallerGivesUp(rig, invite);
        Assert.Null(rig.Phone.History.At(0).Contact);
        Assert.Equal("02079460100", rig.Phone.History.At(0).Shown);
    }

    [Fact]
    public void A_missed_call_from_a_shared_number_can_be_given_its_contact_afterwards_from_the_history()
    {
        var rig = Rig();
        CallerGivesUp(rig, Call(rig, "+442079460100"));
        rig.Wait(3000);
        rig.Press(KeyCodes.Soft1 + 2); // the idle screen's history
        Assert.Equal(PhoneMode.History, rig.Phone.Mode);
        Assert.Contains("+442079460100", rig.ScreenText);
        Assert.Contains("Pick", rig.ScreenText);
        rig.Press(KeyCodes.Soft1 + 2); // Pick
        Assert.Contains("Which contact?", rig.ScreenText);
        rig.Press(KeyCodes.Down);
        rig.Press(KeyCodes.Ok);
        Assert.Equal(PhoneMode.History, rig.Phone.Mode);
        Assert.Contains("Frank Lowe", rig.ScreenText); // the list now names the contact
        Assert.Equal(("Frank Lowe", "Lowe & Co"), (rig.Phone.History.At(0).Contact, rig.Phone.History.At(0).Company));
        var stored = new CallHistory(CallHistory.DefaultCapacity);
        HistoryFile.Read(rig.Storage.Read(HistoryFile.FileName), stored);
        Assert.Equal(("Frank Lowe", "Lowe & Co", "Frank Lowe"), (stored.At(0).Contact, stored.At(0).Company, stored.At(0).Name));
    }

    [Fact]
    public void On_an_executives_shared_line_the_VIP_badge_and_for_Ann_Lee_stay_with_the_contact_shown()
    {
        const string assistant = """
            {
              "device": { "id": "assistant-bob", "name": "Bob Stone", "extension": "202", "board": "sim-desk-8" },
              "accounts": [ { "id": "main", "user": "202", "domain": "office.example", "registrar": "sip:127.0.0.1:5060" } ],
              "keys": [
                { "kind": "line", "label": "Line 1", "account": "main" },
                { "kind": "shared", "label": "Ann (exec)", "target": "sip:203@office.example", "account": "main",
                  "delegation": { "pairing": "p1", "for": "Ann Lee", "permissions": ["answer"], "vip": ["0312345678"] } }
              ]
            }
            """;
        var storage = new MemoryStorage();
        byte[] data = Encoding.UTF8.GetBytes("""{ "contacts": [ { "name": "Dr Hiro Sato", "company": "Sato Clinic", "numbers": [ "+81 3 1234 5678" ] } ] }""");
        storage.WriteAtomic("contacts.json", data, 0, data.Length);
        ScaSwitch? sca = null;
        var rig = new PhoneRig(assistant, storage: storage, registrar: false, beforeBoot: r => sca = new ScaSwitch(r.Wire, () => r.Clock.NowMs));
        rig.Wait(50);
        sca!.Invite("<sip:0312345678@office.example>");
        rig.Wait(5);
        Assert.Equal(PhoneMode.Ringing, rig.Phone.Mode);
        string screen = rig.ScreenText;
        Assert.StartsWith("Incoming call | VIP\nDr Hiro Sato\nSato Clinic | 0312345678\nfor Ann Lee", screen);
    }

    [Fact]
    public void The_contact_can_be_chosen_during_the_call_too()
    {
        var rig = Rig();
        Call(rig, "+442079460100");
        rig.Press(KeyCodes.Soft1); // answer
        Assert.Equal(PhoneMode.InCall, rig.Phone.Mode);
        string lines = rig.ScreenText;
        Assert.Contains("Xfer", lines);
        Assert.Contains("Hold | Xfer | Pick | End", lines); // Pick before Rec: the record key still records
        rig.Press(KeyCodes.Soft1 + 2);
        rig.Press(KeyCodes.Ok);
        Assert.Equal("Eve Park", rig.Phone.ContactOf(rig.Phone.CurrentCall!)!.Name);
        Assert.Contains("Park Legal", rig.ScreenText);
        Assert.Contains("Hold | Xfer | Rec | End", rig.ScreenText); // picked: the slot is Rec's again
    }

    [Fact]
    public void Calling_a_known_number_shows_the_contact_while_it_rings_there()
    {
        var rig = Rig();
        rig.LiftHandset();
        foreach (char d in "202") rig.Press(d - '0');
        rig.FarEnd!.InviteAnswers = new[] { 180 };
        rig.Press(KeyCodes.Soft1);
        Assert.Equal(PhoneMode.Calling, rig.Phone.Mode);
        Assert.Contains("Bob Stone", rig.ScreenText);
        Assert.Contains("Acme Ltd", rig.ScreenText);
    }

    [Fact]
    public void An_unknown_caller_rings_at_once_and_the_crms_answer_updates_the_screen_when_it_comes()
    {
        var rig = Rig(beforeBoot: r => { new FakeCrm(r.Wire).Answer = _ => FakeCrm.Json("""{"contacts":[{"name":"Gina Moss","company":"Moss & Sons","numbers":["+44 20 7946 0999"]}]}"""); });
        rig.Wire.Link("127.0.2.1", "127.0.1.1").DelayMs = 400;
        var invite = Call(rig, "+442079460999");
        Assert.Equal(PhoneMode.Ringing, rig.Phone.Mode); // the lookup does not hold the ring up
        Assert.Contains("+442079460999", rig.ScreenText);
        Assert.DoesNotContain("Gina Moss", rig.ScreenText);
        rig.Wait(1000);
        Assert.Contains("Gina Moss", rig.ScreenText);
        Assert.Contains("Moss & Sons", rig.ScreenText);
        CallerGivesUp(rig, invite);
        Assert.Equal(("Gina Moss", "Moss & Sons"), (rig.Phone.History.At(0).Contact, rig.Phone.History.At(0).Company));
    }

    [Fact]
    public void A_second_call_from_a_looked_up_number_is_answered_from_the_cache()
    {
        FakeCrm? crm = null;
        var rig = Rig(beforeBoot: r => { crm = new FakeCrm(r.Wire) { Answer = _ => FakeCrm.Json("""{"contacts":[{"name":"Gina Moss","numbers":["+44 20 7946 0999"]}]}""") }; });
        CallerGivesUp(rig, Call(rig, "+442079460999", callId: "c1"));
        rig.Wait(100);
        Call(rig, "+442079460999", callId: "c2");
        Assert.Contains("Gina Moss", rig.ScreenText);
        Assert.Single(crm!.Targets);
    }

    [Fact]
    public void A_crm_that_does_not_answer_leaves_the_number_on_screen_and_the_call_ringing()
    {
        var rig = Rig(beforeBoot: r => { new FakeCrm(r.Wire).Answer = _ => null; });
        Call(rig, "+442079460999");
        rig.Wait(5000);
        Assert.Equal(PhoneMode.Ringing, rig.Phone.Mode);
        Assert.Contains("+442079460999", rig.ScreenText);
        Assert.Contains(rig.Log.Lines(), l => l.ToString().Contains("lookup of +442079460999 failed: timed out after 2000 ms"));
        rig.NoLoopFailures();
    }

    [Fact]
    public void A_bad_entry_in_the_contacts_file_is_logged_with_its_place_and_the_others_load()
    {
        var rig = Rig();
        Assert.Equal(3, rig.Phone.Contacts.Count);
        Assert.Equal(1, rig.Phone.ContactsLoad!.Skipped);
        string log = string.Join("\n", rig.Log.Lines().Select(l => l.ToString()));
        Assert.Contains("crm-export.json:5:38: contacts[3].numbers[0]: 'call me' is not a phone number", log);
    }

    [Fact]
    public void A_contacts_file_far_too_large_is_refused_with_its_size_and_the_phone_works_on()
    {
        var rig = Rig(text: "{\"contacts\":[\"" + new string('x', 3_200_000) + "\"]}");
        Assert.Equal(0, rig.Phone.Contacts.Count);
        string log = string.Join("\n", rig.Log.Lines().Select(l => l.ToString()));
        Assert.Contains("crm-export.json is 3125 KB, more than a contacts file may be (1024 KB of text): no contacts read", log);
        Call(rig, "202");
        Assert.Equal(PhoneMode.Ringing, rig.Phone.Mode);
        rig.NoLoopFailures();
    }

    [Fact]
    public void A_contacts_file_a_little_too_large_is_a_located_error()
    {
        var rig = Rig(text: "{\"contacts\":[\"" + new string('x', 1_100_000) + "\"]}");
        Assert.Equal(0, rig.Phone.Contacts.Count);
        Assert.False(rig.Phone.ContactsLoad!.Readable);
        string log = string.Join("\n", rig.Log.Lines().Select(l => l.ToString()));
        Assert.Contains("crm-export.json is not a contacts file (firmware/Contacts/README.md), no contacts read:\ncrm-export.json:1:1: the text is 1100017 characters long; the limit is 1048576", log);
    }

    [Fact]
    public void Without_a_contacts_section_the_phone_reads_contacts_json_when_it_has_one()
    {
        var storage = new MemoryStorage();
        byte[] data = Encoding.UTF8.GetBytes(Directory);
        storage.WriteAtomic("contacts.json", data, 0, data.Length);
        var rig = new PhoneRig(storage: storage, farEnd: true);
        Assert.Equal(3, rig.Phone.Contacts.Count);
        Call(rig, "202");
        Assert.Contains("Acme Ltd", rig.ScreenText);
        Assert.Null(rig.Phone.Config.ContactsLookup);
    }
}
