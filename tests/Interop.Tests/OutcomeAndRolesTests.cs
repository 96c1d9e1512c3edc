// Call outcomes and restricted mode end to end: a simulated phone calls a real baresip through a real Kamailio.
using DeskPhone.Firmware.History;
using DeskPhone.Firmware.Phone;
using DeskPhone.Hal;
using DeskPhone.Interop.Tests.Harness;
using DeskPhone.Softswitch;

namespace DeskPhone.Interop.Tests;

/// <summary>
/// The phone is 201 with a device file that has the office's outcomes and roles; baresip 202 (and 203) are
/// the far ends. Phone RTP ports 20000-20999 belong to these tests.
/// </summary>
public sealed class OutcomeAndRolesTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private const string Outcomes = """
        "outcomes": [ { "id": "reached", "label": "Reached", "enabled": true },
                      { "id": "left-voicemail", "label": "Left voicemail", "enabled": true },
                      { "id": "old", "label": "Old campaign", "enabled": false },
                      { "id": "no-answer", "label": "No answer", "enabled": true } ]
        """;

    /// <summary>Phone 201's device file for <paramref name="kamailio"/> with <paramref name="sections"/> added at the top level.</summary>
    private static string DeviceFile(KamailioProcess kamailio, string dir, string sections)
    {
        string file = kamailio.WriteDeviceFile(dir, "201", "reception-secret", "Reception");
        string text = File.ReadAllText(file).TrimEnd();
        File.WriteAllText(file, text[..^1].TrimEnd() + ",\n" + sections + "\n}\n");
        return file;
    }

    private static void Registered(LivePhone phone) =>
        Assert.True(phone.WaitFor(() => phone.Firmware.Registration == RegistrationState.Registered, Patience), "not registered\n" + phone.Tail());

    [Fact]
    public void After_a_call_to_baresip_the_outcome_screen_appears_and_Left_voicemail_is_stored_in_the_history_file()
    {
        using var kamailio = new KamailioProcess().AddSubscriber("201", "reception-secret").AddSubscriber("202", "bob-secret").Start();
        using var far = new BaresipProcess(kamailio, "202", "bob-secret").Start();
        Assert.Equal("REGISTER_OK", far.Register().Type);
        string dir = Directory.CreateTempSubdirectory("deskphone-outcome-").FullName;
        using var phone = new LivePhone(DeviceFile(kamailio, dir, Outcomes), rtpPortFirst: 20000);
        Registered(phone);

        phone.Dial("202");
        far.WaitForEvent("CALL_INCOMING");
        far.Answer();
        far.WaitForEvent("CALL_ESTABLISHED");
        Assert.True(phone.WaitFor(() => phone.Firmware.Mode == PhoneMode.InCall, Patience), phone.Tail());
        phone.HangUp();
        far.WaitForEvent("CALL_CLOSED");

        Assert.True(phone.WaitFor(() => phone.Firmware.Mode == PhoneMode.Outcome, Patience), "no outcome screen\n" + phone.Tail());
        Assert.Equal(new[] { "Reached", "Left voicemail", "No answer" }, phone.Do(() => phone.Firmware.OfferedOutcomes));
        Assert.Equal("Outcome: 202", phone.Do(() => phone.Firmware.Screen.TextLines()[0]));
        phone.Press(KeyCodes.Down);
        phone.Press(KeyCodes.Ok);

        Assert.True(phone.WaitFor(() => phone.Firmware.Mode == PhoneMode.Idle, Patience), phone.Tail());
        CallRecord entry = phone.Do(() => phone.Firmware.History.At(0));
        Assert.Equal((CallKind.Placed, "202", "Left voicemail"), (entry.Kind, entry.Number, entry.Outcome));
        var stored = new CallHistory(CallHistory.DefaultCapacity);
        HistoryFile.Read(phone.Do(() => phone.Sim.Storage.Read(HistoryFile.FileName)), stored);
        Assert.Equal(("202", "Left voicemail"), (stored.At(0).Number, stored.At(0).Outcome));
    }

    [Fact]
    public void A_restricted_phone_refuses_an_outside_number_without_an_INVITE_connects_internally_and_tries_the_emergency_number()
    {
        using var kamailio = new KamailioProcess().AddSubscriber("201", "reception-secret").AddSubscriber("202", "bob-secret")
            .AddSubscriber("203", "outside-secret").Start();
        using var inside = new BaresipProcess(kamailio, "202", "bob-secret").Start();
        using var outside = new BaresipProcess(kamailio, "203", "outside-secret").Start();
        Assert.Equal("REGISTER_OK", inside.Register().Type);
        Assert.Equal("REGISTER_OK", outside.Register().Type);
        string dir = Directory.CreateTempSubdirectory("deskphone-roles-").FullName;
        // 202 is internal; 203 stands for an outside number (it would reach baresip if the phone sent it); 299 is the emergency number.
        using var phone = new LivePhone(DeviceFile(kamailio, dir, """
            "roles": { "restricted": true, "emergency": ["299"], "internal": ["202"] }
            """), rtpPortFirst: 20500);
        Registered(phone);

        phone.Dial("203");
        Assert.True(phone.WaitFor(() => phone.Firmware.Message == Phone.RestrictedText, Patience), phone.Tail());
        Assert.Null(phone.Do(() => phone.Firmware.CurrentCall));
        Assert.Equal(0, phone.Do(() => phone.Firmware.History.Count));
        phone.HangUp();
        Assert.True(phone.WaitFor(() => phone.Firmware.Mode == PhoneMode.Idle, Patience), phone.Tail());

        phone.Dial("202");
        inside.WaitForEvent("CALL_INCOMING");
        inside.Answer();
        inside.WaitForEvent("CALL_ESTABLISHED");
        Assert.True(phone.WaitFor(() => phone.Firmware.Mode == PhoneMode.InCall, Patience), phone.Tail());
        phone.HangUp();
        inside.WaitForEvent("CALL_CLOSED");
        // By now an INVITE for 203 sent before the internal call would long have reached its baresip.
        Assert.DoesNotContain(outside.Events, e => e.Type == "CALL_INCOMING");

        phone.Dial("299");
        Assert.True(phone.WaitFor(() => phone.Firmware.History.Count == 2, Patience), "the emergency call never went out\n" + phone.Tail());
        CallRecord emergency = phone.Do(() => phone.Firmware.History.At(0));
        Assert.Equal((CallKind.Placed, "299"), (emergency.Kind, emergency.Number));
        Assert.True(emergency.Status >= 400, "Kamailio answered the emergency call with " + emergency.Status); // no subscriber 299 here: Kamailio's answer proves the INVITE went out
        phone.HangUp();
    }
}
