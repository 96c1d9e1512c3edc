// Incoming calls from Japanese callers: the UTF-8 display name from the INVITE is drawn on the panel in Shinonome glyphs.
using System.Text;
using DeskPhone.Firmware.Phone;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Call;
using DeskPhone.Firmware.Tests.Display;
using DeskPhone.Firmware.Ui;

namespace DeskPhone.Firmware.Tests.Phone;

public class JapaneseCallerTests
{
    private static PhoneRig Registered()
    {
        var rig = new PhoneRig(farEnd: true);
        Assert.Equal(RegistrationState.Registered, rig.Phone.Registration);
        return rig;
    }

    /// <summary>An INVITE like FakeFarEnd.Invite's, from <paramref name="from"/>; returns the bytes put on the wire.</summary>
    private static byte[] InviteFrom(PhoneRig rig, string from)
    {
        var far = rig.FarEnd!;
        var m = SipMessage.CreateRequest("INVITE", "sip:201@127.0.1.1:5070");
        m.AddHeader("Via", "SIP/2.0/UDP " + far.Address + ":" + DeskPhone.Firmware.Tests.Sip.Call.FakeFarEnd.Port + ";branch=" + far.NewBranch());
        m.AddHeader("Max-Forwards", "70");
        m.AddHeader("From", from + ";tag=jp1");
        m.AddHeader("To", "<sip:201@office.example>");
        m.AddHeader("Call-ID", "yamada-call-1");
        m.AddHeader("CSeq", "1 INVITE");
        m.AddHeader("Contact", "<sip:yamada@" + far.Address + ":" + DeskPhone.Firmware.Tests.Sip.Call.FakeFarEnd.Port + ">");
        m.SetBody(PhoneRig.SdpOffer, "application/sdp");
        far.Send(m);
        rig.Wait(5);
        return m.ToBytes();
    }

    private static Func<int, int, bool> PanelPng(PhoneRig rig)
    {
        var (w, h, pixels) = PngGray.Decode(rig.Display.ToPng());
        Assert.Equal((128, 64), (w, h));
        return (x, y) => x >= 0 && y >= 0 && x < w && y < h && pixels[y * w + x] != 0;
    }

    [Fact]
    public void An_incoming_call_from_Yamada_Taro_shows_his_kanji_name_on_the_panel_png_as_the_Debian_font_draws_it()
    {
        var rig = Registered();

        byte[] wire = InviteFrom(rig, "\"山田太郎\" <sip:yamada@office.example>");

        Assert.Contains("\"\u5C71", Encoding.UTF8.GetString(wire));                       // 山 went out as UTF-8
        Assert.True(wire.AsSpan().IndexOf(new byte[] { 0xE5, 0xB1, 0xB1 }) > 0);
        Assert.Equal(PhoneMode.Ringing, rig.Phone.Mode);
        Assert.Equal("Incoming call", rig.Phone.Screen.TextLines()[0]);
        Assert.Equal("山田太郎", rig.Phone.Screen.TextLines()[1]);
        new GlyphPicture(12).Add(DebianFontFile.Kanji12, "山田太郎").AssertShownAt(PanelPng(rig), 0, CallView.NameTop, 128);
        rig.NoLoopFailures();
    }

    [Fact]
    public void A_katakana_name_sent_unquoted_as_raw_UTF_8_bytes_shows_too()
    {
        var rig = Registered();
        string invite =
            "INVITE sip:201@127.0.1.1:5070 SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKkana1\r\n" +
            "Max-Forwards: 70\r\n" +
            "From: ヤマダ <sip:yamada@office.example>;tag=k1\r\n" +     // not quoted: not RFC 3261, but sent by real PBXes
            "To: <sip:201@office.example>\r\n" +
            "Call-ID: kana-call-1\r\n" +
            "CSeq: 1 INVITE\r\n" +
            "Contact: <sip:yamada@127.0.0.1:5060>\r\n" +
            "Content-Type: application/sdp\r\n" +
            "Content-Length: " + PhoneRig.SdpOffer.Length + "\r\n\r\n" + PhoneRig.SdpOffer;
        Assert.True(SipParser.TryParse(Encoding.UTF8.GetBytes(invite), out var parsed, out var error), error?.ToString());

        rig.FarEnd!.Send(parsed);   // from the proxy's address: the phone refuses requests from anywhere else
        rig.Wait(5);

        Assert.True(rig.FarEnd.Sent.Last().Message.ToBytes().AsSpan().IndexOf(new byte[] { 0xE3, 0x83, 0xA4 }) > 0);   // ヤ in UTF-8
        Assert.Equal(PhoneMode.Ringing, rig.Phone.Mode);
        Assert.Equal("ヤマダ", rig.Phone.Screen.TextLines()[1]);
        new GlyphPicture(12).Add(DebianFontFile.Kanji12, "ヤマダ").AssertShownAt(PanelPng(rig), 0, CallView.NameTop, 128);
    }

    [Fact]
    public void A_long_Japanese_name_is_cut_with_the_ellipsis_and_the_number_line_under_it_stays_clear()
    {
        var rig = Registered();

        InviteFrom(rig, "\"山田太郎左衛門（営業部第二課）\" <sip:yamada@office.example>");

        string[] lines = rig.Phone.Screen.TextLines();
        Assert.Equal("山田太郎左衛門（営業\u2026", lines[1]);           // 10 glyphs of 12 px and the 6-px ellipsis in 128
        Assert.Equal("yamada", lines[2]);
        new GlyphPicture(12).Add(DebianFontFile.Kanji12, "山田太郎左衛門（営業").Add(DebianFontFile.Fixed6x10, "\u2026", drop: 2)
            .AssertShownAt(PanelPng(rig), 0, CallView.NameTop, 128);
    }

    [Fact]
    public void A_long_name_rests_then_scrolls_sending_only_the_name_pages_and_stops_when_the_call_ends()
    {
        var rig = Registered();
        InviteFrom(rig, "\"山田太郎左衛門（営業部第二課）\" <sip:yamada@office.example>");
        Assert.True(rig.Phone.NameScrolling);
        string resting = rig.Phone.Screen.TextLines()[1];

        rig.Wait(1500); // still resting: the name shows fitted
        int[] before = Enumerable.Range(0, 8).Select(rig.Display.PageWrites).ToArray();
        var atRest = rig.Display.ToPng();
        rig.Wait(1500); // now it moves
        int[] after = Enumerable.Range(0, 8).Select(rig.Display.PageWrites).ToArray();

        Assert.NotEqual(atRest, rig.Display.ToPng());
        Assert.True(after[1] - before[1] >= 5 && after[2] - before[2] >= 5, $"name pages {after[1] - before[1]}, {after[2] - before[2]}");
        foreach (int page in new[] { 3, 4, 5, 6 }) Assert.True(after[page] - before[page] <= 2, $"page {page} rewritten {after[page] - before[page]} times"); // the once-a-second redraw at most
        Assert.Equal(resting, rig.Phone.Screen.TextLines()[1]); // the model is unchanged; only the picture moves

        rig.Press(DeskPhone.Hal.KeyCodes.Soft1 + 3); // reject
        Assert.False(rig.Phone.NameScrolling);
        rig.NoLoopFailures();
    }

    [Fact]
    public void A_half_width_katakana_name_with_a_Latin_extension_mixes_six_pixel_glyphs_from_both_Shinonome_fonts()
    {
        var rig = Registered();

        InviteFrom(rig, "\"ﾔﾏﾀﾞ 201\" <sip:yamada@office.example>");

        new GlyphPicture(12).Add(DebianFontFile.Kana6x12, "ﾔﾏﾀﾞ").Add(DebianFontFile.Latin6x12, " 201")
            .AssertShownAt(PanelPng(rig), 0, CallView.NameTop, 128);
    }

    [Fact]
    public void A_phone_named_in_Japanese_shows_its_name_in_12_px_with_the_clock_on_its_baseline_and_the_status_under_it()
    {
        var rig = new PhoneRig(PhoneRig.DefaultConfig.Replace("\"name\": \"Reception\"", "\"name\": \"受付\""));

        string[] lines = rig.Phone.Screen.TextLines();
        Assert.Equal("受付 | 09:05", lines[0]);
        Assert.Equal("201  Registered", lines[1]);
        var png = PanelPng(rig);
        new GlyphPicture(12).Add(DebianFontFile.Kanji12, "受付").AssertShownAt(png, 0, 0, 90);
        new GlyphPicture(12).Add(DebianFontFile.Fixed6x10, "09:05", drop: 2).AssertShownAt(png, 128 - 30, 0, 30);
        Assert.All(Enumerable.Range(0, 128), x => Assert.True(png(x, 20)));   // the rule, below the status line (rows 12-19)
    }
}
