// Transfers from a whole simulated phone: baresip 202 is handed to baresip 203 through a real Kamailio.
using DeskPhone.Firmware.Phone;
using DeskPhone.Hal;
using DeskPhone.Interop.Tests.Harness;
using DeskPhone.Softswitch;

namespace DeskPhone.Interop.Tests;

/// <summary>
/// The phone 201 (the simulator's phone on real UDP) talks to baresip 202 and transfers it to baresip
/// 203, pressing keys as a receptionist would. baresip takes the REFER (202 Accepted), calls the target
/// itself and reports progress by NOTIFY; the phone hangs up on the 200 sipfrag. No attended transfer
/// here: baresip 1.0 puts the Refer-To's <c>?Replaces=</c> into its INVITE's Request-URI instead of a
/// Replaces header, so 203 would see a second call rather than one that replaces ours (the phone's
/// side of it, REFER with Replaces, is covered in Firmware.Tests' Phone/TransferTests).
/// </summary>
public sealed class TransferTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private sealed class Rig : IDisposable
    {
        public readonly KamailioProcess Kamailio;
        public readonly BaresipProcess Far;
        public readonly BaresipProcess Target;
        public readonly LivePhone Phone;

        public Rig(int rtpPortBase)
        {
            Kamailio = new KamailioProcess().AddSubscriber("201", "reception-secret").AddSubscriber("202", "bob-secret")
                .AddSubscriber("203", "carol-secret").Start();
            Far = new BaresipProcess(Kamailio, "202", "bob-secret").Start();
            Target = new BaresipProcess(Kamailio, "203", "carol-secret").Start();
            Assert.Equal("REGISTER_OK", Far.Register().Type);
            Assert.Equal("REGISTER_OK", Target.Register().Type);
            Phone = new LivePhone(Kamailio, "201", "reception-secret", rtpPortBase);
            Assert.True(Phone.WaitFor(() => Phone.Firmware.Registration == RegistrationState.Registered, Patience), Why());
        }

        public string Why() =>
            $"phone log {Phone.LogPath}:\n{Phone.Tail()}\nbaresip 202 log {Far.LogPath}\nbaresip 203 log {Target.LogPath}\nkamailio log {Kamailio.LogPath}";

        /// <summary>The phone dials 202, baresip answers.</summary>
        public void Connect()
        {
            Phone.Dial("202");
            Far.WaitForEvent("CALL_INCOMING");
            Far.Answer();
            Far.WaitForEvent("CALL_ESTABLISHED");
            Assert.True(Phone.WaitFor(() => Phone.Firmware.Mode == PhoneMode.InCall, Patience), Why());
        }

        /// <summary>Presses Transfer, waits until the call is held and the entry screen is up, types the number.</summary>
        public void TransferTo(string digits)
        {
            Phone.Press(KeyCodes.Transfer);
            Assert.True(Phone.WaitFor(() => Phone.Firmware.Transfer == TransferState.Entering && Phone.Firmware.CurrentCall!.LocalHold, Patience),
                "not held for the transfer\n" + Why());
            foreach (char c in digits) Phone.Press(c - '0');
        }

        public string Screen() => Phone.Do(() => string.Join("\n", Phone.Firmware.Screen.TextLines()));

        public void Dispose()
        {
            Phone.Dispose();
            Target.Dispose();
            Far.Dispose();
            Kamailio.Dispose();
        }
    }

    [Fact]
    public void A_blind_transfer_connects_baresip_202_to_baresip_203_and_the_phones_call_ends()
    {
        using var rig = new Rig(47000);
        rig.Connect();
        rig.TransferTo("203");

        rig.Phone.Press(KeyCodes.Ok);

        var transfer = rig.Far.WaitForEvent("TRANSFER"); // baresip took the REFER
        Assert.Contains(rig.Kamailio.Aor("203"), transfer.Param);
        var ringing = rig.Target.WaitForEvent("CALL_INCOMING");
        Assert.Equal(rig.Far.Aor, ringing.PeerUri);
        Assert.Equal(PhoneMode.InCall, rig.Phone.Do(() => rig.Phone.Firmware.Mode)); // the phone waits for the outcome
        rig.Target.Answer();
        rig.Target.WaitForEvent("CALL_ESTABLISHED");
        rig.Far.WaitForEvent("CALL_ESTABLISHED"); // 202's new call, to 203

        Assert.True(rig.Phone.WaitFor(() => rig.Phone.Firmware.Mode == PhoneMode.Idle, Patience), "the phone's call did not end\n" + rig.Why());
        Assert.Contains("Transferred", rig.Screen());
        rig.Far.WaitForEvent("CALL_CLOSED"); // our leg, closed by the phone's BYE
        Assert.Equal(TransferState.Idle, rig.Phone.Do(() => rig.Phone.Firmware.Transfer));
        Assert.DoesNotContain(rig.Target.Events, e => e.Type == "CALL_CLOSED"); // 202 and 203 still talk
    }
}
