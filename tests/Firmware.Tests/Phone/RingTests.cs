// Ringing per line: the cadence and volume from the device file, heard through the simulated codec over virtual time.
using DeskPhone.Firmware.Phone;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Tests.Phone;

public class RingTests
{
    private const int Rate = 8000;
    private const int FrameMs = 20;

    private static string Config(string line1Ring = "", string line2Ring = "", string mainRing = "", string salesRing = "") => """
    {
      "device": { "id": "desk-1", "name": "Reception", "extension": "201", "board": "sim-desk-8" },
      "accounts": [ { "id": "main", "user": "201", "domain": "office.example", "registrar": "sip:127.0.0.1:5060" MAINRING },
                    { "id": "sales", "user": "301", "domain": "office.example", "registrar": "sip:127.0.0.1:5060" SALESRING } ],
      "keys": [
        { "kind": "line", "label": "Reception", "account": "main" LINE1RING },
        { "kind": "line", "label": "Sales", "account": "sales" LINE2RING }
      ]
    }
    """.Replace("MAINRING", mainRing).Replace("SALESRING", salesRing).Replace("LINE1RING", line1Ring).Replace("LINE2RING", line2Ring);

    private static string Ring(string cadence, int volume = -1) =>
        ", \"ring\": { \"cadence\": \"" + cadence + "\"" + (volume >= 0 ? ", \"volume\": " + volume : "") + " }";

    /// <summary>A call to <paramref name="user"/> rings for <paramref name="ms"/> while the speaker is recorded.</summary>
    private static PhoneRig RingFor(string config, int ms, string user = "201")
    {
        var rig = new PhoneRig(config, farEnd: true);
        Assert.Equal(RegistrationState.Registered, rig.Phone.Registration);
        rig.Audio.StartCapture();
        rig.FarEnd!.Invite(PhoneRig.SdpOffer, requestUser: user);
        rig.Wait(ms + 2 * FrameMs);
        Assert.Equal(PhoneMode.Ringing, rig.Phone.Mode);
        return rig;
    }

    /// <summary>
    /// The ring's envelope over the first <paramref name="ms"/>: frame by frame (20 ms) whether 440 + 480 Hz
    /// sound (Goertzel), as runs of milliseconds starting with sound: on, off, on, off...
    /// </summary>
    private static int[] Envelope(PhoneRig rig, int ms)
    {
        short[] speaker = rig.Audio.Captured();
        int frame = Rate * FrameMs / 1000;
        Assert.True(speaker.Length >= ms * Rate / 1000, "only " + speaker.Length + " samples recorded");
        var runs = new List<int>();
        bool current = true;
        int length = 0;
        for (int at = 0; at < ms * Rate / 1000; at += frame)
        {
            var block = speaker[at..(at + frame)];
            bool on = Goertzel.Power(block, Rate, 440) + Goertzel.Power(block, Rate, 480) > 1e9;
            if (on != current)
            {
                runs.Add(length);
                current = on;
                length = 0;
            }
            length += FrameMs;
        }
        runs.Add(length);
        var firstBurst = speaker[..(Rate * 400 / 1000)]; // every cadence's first burst lasts 400 ms at least
        double ring = Math.Min(Goertzel.Power(firstBurst, Rate, 440), Goertzel.Power(firstBurst, Rate, 480));
        double other = Math.Max(Goertzel.Power(firstBurst, Rate, 350), Goertzel.Power(firstBurst, Rate, 620));
        Assert.True(ring > 1000 * other, "the ring is 440 + 480 Hz, not dial tone or busy");
        return runs.ToArray();
    }

    [Theory]
    [InlineData("standard", "ring", new[] { 2000, 4000 })]
    [InlineData("short", "ring-short", new[] { 500, 5500 })]
    [InlineData("triple", "ring-triple", new[] { 400, 200, 400, 200, 400, 4400 })]
    [InlineData("vip", "ring-vip", new[] { 800, 400, 800, 4000 })]
    public void Each_cadence_rings_with_its_own_bursts_cycle_after_cycle(string cadence, string tone, int[] cycle)
    {
        var rig = RingFor(Config(line1Ring: Ring(cadence)), 12_000);
        Assert.Equal(tone, rig.Phone.Audio.Tone!.Name);
        Assert.Equal(cycle.Concat(cycle).ToArray(), Envelope(rig, 12_000));
        rig.NoLoopFailures();
    }

    [Fact]
    public void A_line_without_a_ring_rings_standard_at_the_users_ring_volume()
    {
        var rig = RingFor(Config(), 6_000);
        Assert.Equal("ring", rig.Phone.Audio.Tone!.Name);
        Assert.Equal(new[] { 2000, 4000 }, Envelope(rig, 6_000));
        Assert.Equal(5, rig.Audio.Volume);
        Assert.Equal(5, rig.Phone.RingingVolume);
    }

    [Fact]
    public void Each_line_rings_with_its_own_cadence_and_volume()
    {
        string config = Config(line1Ring: Ring("short", 2), line2Ring: Ring("triple", 9));
        var main = RingFor(config, 6_000, "201");
        Assert.Equal(("ring-short", 2), (main.Phone.Audio.Tone!.Name, main.Audio.Volume));
        var sales = RingFor(config, 6_000, "301");
        Assert.Equal(("ring-triple", 9), (sales.Phone.Audio.Tone!.Name, sales.Audio.Volume));
        Assert.Equal(new[] { 400, 200, 400, 200, 400, 4400 }, Envelope(sales, 6_000));
        Assert.Equal(2, sales.Phone.ActiveLine); // the Sales key flashes
    }

    [Fact]
    public void The_account_ring_applies_when_its_line_key_has_none_and_the_key_wins_when_both_have_one()
    {
        var account = RingFor(Config(salesRing: Ring("vip", 7)), 100, "301");
        Assert.Equal(("ring-vip", 7), (account.Phone.Audio.Tone!.Name, account.Audio.Volume));
        var key = RingFor(Config(mainRing: Ring("vip", 7), line1Ring: Ring("triple")), 100, "201");
        Assert.Equal(("ring-triple", 5), (key.Phone.Audio.Tone!.Name, key.Audio.Volume)); // no volume on the key: the user's
    }

    [Fact]
    public void After_the_answer_the_codec_goes_back_to_the_talking_volume()
    {
        var rig = RingFor(Config(line1Ring: Ring("standard", 10)), 1_000);
        Assert.Equal(10, rig.Audio.Volume);
        rig.LiftHandset();
        Assert.Equal(5, rig.Audio.Volume);
        Assert.Equal(-1, rig.Phone.RingingVolume);
    }

    [Fact]
    public void A_call_that_stops_ringing_unanswered_also_restores_the_volume()
    {
        var rig = new PhoneRig(Config(line1Ring: Ring("short", 0)), farEnd: true);
        rig.Press(KeyCodes.VolumeUp); // talking volume 6
        var invite = rig.FarEnd!.Invite(PhoneRig.SdpOffer);
        rig.Wait(500);
        Assert.Equal(0, rig.Audio.Volume); // a silent line
        rig.FarEnd.Send(rig.FarEnd.CancelFor(invite));
        rig.Wait(10);
        Assert.Equal(6, rig.Audio.Volume);
    }
}
