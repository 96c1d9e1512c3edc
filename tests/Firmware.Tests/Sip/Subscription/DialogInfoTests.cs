// The dialog-info+xml reader (RFC 4235): RFC-shaped and Kamailio-shaped bodies, tolerance, refusals, merging by version, mutations.
using System.Text;
using DeskPhone.Firmware.Sip.Subscription;

namespace DeskPhone.Firmware.Tests.Sip.Subscription;

public class DialogInfoTests
{
    /// <summary>The smallest useful document: RFC 4235's first example, a call Alice is placing.</summary>
    public const string RfcBasic = """
        <?xml version="1.0"?>
        <dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info"
                     version="0" state="full" entity="sip:alice@example.com">
          <dialog id="as7d900as8" call-id="a84b4c76e66710" local-tag="1928301774" direction="initiator">
            <state>early</state>
          </dialog>
        </dialog-info>
        """;

    /// <summary>RFC 4235's detailed example: duration, participants with display names, target params, an SDP body.</summary>
    public const string RfcDetailed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info"
          version="1" state="full">
          <dialog id="as7d900as8" call-id="a84b4c76e66710"
            local-tag="1928301774" remote-tag="456887766"
            direction="initiator">
            <state>confirmed</state>
            <duration>274</duration>
            <local>
              <identity display="Alice">sip:alice@example.com</identity>
              <target uri="sip:alice@pc33.example.com">
                <param pname="+sip.rendering" pval="yes"/>
              </target>
              <session-description type="application/sdp">
                v=0 o=alice 2890844526 2890844526 IN IP4 pc33.example.com
              </session-description>
            </local>
            <remote>
              <identity display="Bob">sip:bob@example.org</identity>
              <target uri="sip:bobster@phone21.example.org"/>
            </remote>
          </dialog>
        </dialog-info>
        """;

    /// <summary>What Kamailio's presence_dialoginfo sends a watcher of 202 while 203 calls 202 (pua_dialoginfo with include_callid, include_tags, include_localremote).</summary>
    public const string KamailioRinging = """
        <?xml version="1.0"?>
        <dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="3" state="full" entity="sip:202@office.example">
          <dialog id="c3d5-203@127.0.0.1" call-id="c3d5-203@127.0.0.1" local-tag="t202" remote-tag="f203" direction="recipient">
            <state>early</state>
            <local>
              <identity>sip:202@office.example</identity>
              <target uri="sip:202@office.example"/>
            </local>
            <remote>
              <identity display="Carol">sip:203@office.example</identity>
              <target uri="sip:203@127.0.0.1:42003"/>
            </remote>
          </dialog>
        </dialog-info>
        """;

    private static DialogInfo Parse(string body)
    {
        Assert.True(DialogInfo.TryParse(body, out var doc, out var reason), reason);
        Assert.Null(reason);
        return doc!;
    }

    private static string Refused(string body)
    {
        Assert.False(DialogInfo.TryParse(body, out var doc, out var reason));
        Assert.Null(doc);
        Assert.False(string.IsNullOrEmpty(reason));
        return reason!;
    }

    [Fact]
    public void The_RFC_basic_example_gives_version_0_full_state_and_one_early_dialog_placed_by_alice()
    {
        var doc = Parse(RfcBasic);
        Assert.Equal((0L, true, "sip:alice@example.com", 1), (doc.Version, doc.IsFull, doc.Entity, doc.Count));
        var d = doc.Get(0);
        Assert.Equal(("as7d900as8", "a84b4c76e66710", "1928301774", (string?)null), (d.Id, d.CallId, d.LocalTag, d.RemoteTag));
        Assert.Equal((DialogPhase.Early, DialogDirection.Initiator), (d.Phase, d.Direction));
        Assert.False(d.IsRingingThere); // early, but Alice is the caller: nothing to pick up
        Assert.Null(d.RemoteIdentity);
    }

    [Fact]
    public void The_RFC_detailed_example_gives_both_parties_with_names_and_targets_and_skips_what_the_phone_does_not_use()
    {
        var d = Parse(RfcDetailed).Get(0);
        Assert.Equal(DialogPhase.Confirmed, d.Phase);
        Assert.Equal(("456887766", "1928301774"), (d.RemoteTag, d.LocalTag));
        Assert.Equal(("Alice", "sip:alice@example.com", "sip:alice@pc33.example.com"), (d.LocalDisplay, d.LocalIdentity, d.LocalTarget));
        Assert.Equal(("Bob", "sip:bob@example.org", "sip:bobster@phone21.example.org"), (d.RemoteDisplay, d.RemoteIdentity, d.RemoteTarget));
    }

    [Fact]
    public void A_Kamailio_body_for_a_call_ringing_at_the_watched_user_names_the_caller_and_both_tags()
    {
        var doc = Parse(KamailioRinging);
        Assert.Equal((3L, "sip:202@office.example"), (doc.Version, doc.Entity));
        var d = doc.Get(0);
        Assert.True(d.IsRingingThere);
        Assert.Equal(("c3d5-203@127.0.0.1", "t202", "f203"), (d.CallId, d.LocalTag, d.RemoteTag));
        Assert.Equal(("Carol", "sip:203@office.example", "sip:203@127.0.0.1:42003"), (d.RemoteDisplay, d.RemoteIdentity, d.RemoteTarget));
    }

    [Fact]
    public void Several_dialogs_in_one_notify_are_all_read_in_order()
    {
        var doc = Parse("""
            <dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="7" state="full" entity="sip:202@office.example">
              <dialog id="a" call-id="ca" direction="initiator"><state>confirmed</state></dialog>
              <dialog id="b" call-id="cb" local-tag="l" remote-tag="r" direction="recipient"><state>early</state></dialog>
              <dialog id="c" direction="recipient"><state event="cancelled">terminated</state></dialog>
              <dialog id="d"><state>trying</state></dialog>
              <dialog id="e"><state> Proceeding </state></dialog>
            </dialog-info>
            """);
        Assert.Equal(new[] { "a", "b", "c", "d", "e" }, Enumerable.Range(0, doc.Count).Select(i => doc.Get(i).Id));
        Assert.Equal(new[] { DialogPhase.Confirmed, DialogPhase.Early, DialogPhase.Terminated, DialogPhase.Trying, DialogPhase.Proceeding },
            Enumerable.Range(0, doc.Count).Select(i => doc.Get(i).Phase));
        Assert.Equal("cancelled", doc.Get(2).StateEvent);
        Assert.Equal(DialogDirection.Unknown, doc.Get(3).Direction);
    }

    [Fact]
    public void Prefixes_comments_cdata_entities_a_byte_order_mark_and_foreign_elements_are_tolerated()
    {
        var doc = Parse("\uFEFF" + """
            <?xml version='1.0' encoding='UTF-8'?>
            <!-- written by some PBX -->
            <d:dialog-info xmlns:d='urn:ietf:params:xml:ns:dialog-info' xmlns:x='urn:example:ext' version='12' state='partial'>
              <x:extra a="1"><x:deep><x:deeper/></x:deep></x:extra>
              <d:dialog id='q&amp;1' call-id="c&#64;host" direction='RECIPIENT' x:flag="yes">
                <d:state code="180">e<!-- split -->arly</d:state>
                <d:remote><d:identity display="Sm&#xE9;th &lt;Jr&gt;"><![CDATA[sip:203@office.example]]></d:identity></d:remote>
              </d:dialog>
            </d:dialog-info>
            """);
        Assert.Equal((12L, false), (doc.Version, doc.IsFull));
        var d = doc.Get(0);
        Assert.Equal(("q&1", "c@host", 180), (d.Id, d.CallId, d.StateCode));
        Assert.True(d.IsRingingThere);
        Assert.Equal(("Sméth <Jr>", "sip:203@office.example"), (d.RemoteDisplay, d.RemoteIdentity));
    }

    [Fact]
    public void A_dialog_without_an_id_is_known_by_its_call_id()
    {
        var d = Parse("<dialog-info version=\"1\" state=\"full\"><dialog call-id=\"x1\"><state>confirmed</state></dialog></dialog-info>").Get(0);
        Assert.Equal("x1", d.Id);
    }

    [Fact]
    public void A_document_without_dialogs_says_nobody_is_on_the_phone()
    {
        var doc = Parse("<dialog-info xmlns=\"urn:ietf:params:xml:ns:dialog-info\" version=\"0\" state=\"full\" entity=\"sip:202@office.example\"/>");
        Assert.Equal(0, doc.Count);
    }

    [Theory]
    [InlineData("", "empty body")]
    [InlineData("  \r\n ", "empty body")]
    [InlineData("<presence version=\"1\" state=\"full\"/>", "root element is <presence>")]
    [InlineData("<dialog-info state=\"full\"/>", "no version")]
    [InlineData("<dialog-info version=\"-1\" state=\"full\"/>", "version '-1'")]
    [InlineData("<dialog-info version=\"4294967296\" state=\"full\"/>", "version '4294967296'")]
    [InlineData("<dialog-info version=\"1\"/>", "no state")]
    [InlineData("<dialog-info version=\"1\" state=\"some\"/>", "neither full nor partial")]
    [InlineData("<dialog-info version=\"1\" state=\"full\"><dialog><state>early</state></dialog></dialog-info>", "neither id nor call-id")]
    [InlineData("<dialog-info version=\"1\" state=\"full\"><dialog id=\"a\"/></dialog-info>", "dialog 'a' has no <state>")]
    [InlineData("<dialog-info version=\"1\" state=\"full\"><dialog id=\"a\"><state>ringing</state></dialog></dialog-info>", "unknown state 'ringing'")]
    [InlineData("<dialog-info version=\"1\" state=\"full\"><dialog id=\"a\"><state>early</dialog></dialog-info>", "</dialog> does not close <state>")]
    [InlineData("<dialog-info version=\"1\" state=\"full\"><dialog id=\"a\">", "'<dialog>' is not closed")]
    [InlineData("<dialog-info version=\"1\" state=\"full\"/><dialog-info version=\"2\" state=\"full\"/>", "second root element")]
    [InlineData("<dialog-info version=\"1\" state=\"full\"/>junk", "text outside")]
    [InlineData("<dialog-info version=\"1\" state=\"full\" version=\"2\"/>", "attribute appears twice")]
    [InlineData("<dialog-info version=1 state=\"full\"/>", "not quoted")]
    [InlineData("<dialog-info version=\"1\" state=\"full\"><!-- no end", "comment is not closed")]
    [InlineData("<!DOCTYPE x [<!ENTITY a \"aaaa\">]><dialog-info version=\"1\" state=\"full\"/>", "DOCTYPE")]
    [InlineData("<dialog-info version=\"1\" state=\"full\"><dialog id=\"a&bogus;\"><state>early</state></dialog></dialog-info>", "bad character or entity reference")]
    [InlineData("<dialog-info version=\"1\" state=\"full\"><dialog id=\"a\"><state>early&#0;</state></dialog></dialog-info>", "bad character or entity reference")]
    [InlineData("not xml at all", "text outside")]
    [InlineData("<dialog-info version=\"1\" state=\"full\"><dialog id=\"a\"><state>early</state></dialog></dialog-info ", "not closed with '>'")]
    public void A_malformed_body_is_refused_with_a_reason(string body, string expected)
    {
        Assert.Contains(expected, Refused(body));
    }

    [Fact]
    public void More_than_32_dialogs_or_nesting_deeper_than_32_is_refused()
    {
        string many = "<dialog-info version=\"1\" state=\"full\">" + string.Concat(Enumerable.Range(0, 33).Select(i => $"<dialog id=\"{i}\"><state>confirmed</state></dialog>")) + "</dialog-info>";
        Assert.Contains("more than 32 dialogs", Refused(many));
        string deep = "<dialog-info version=\"1\" state=\"full\">" + string.Concat(Enumerable.Repeat("<x>", 40)) + string.Concat(Enumerable.Repeat("</x>", 40)) + "</dialog-info>";
        Assert.Contains("nested more than 32 deep", Refused(deep));
        Assert.Contains("longer than 65536", Refused("<dialog-info version=\"1\" state=\"full\">" + new string(' ', 70000) + "</dialog-info>"));
    }

    // ---- merging NOTIFYs: full, partial, versions ----

    private static DialogInfo Doc(long version, bool full, params (string Id, string State, string Direction)[] dialogs) =>
        Parse($"<dialog-info version=\"{version}\" state=\"{(full ? "full" : "partial")}\">" +
              string.Concat(dialogs.Select(d => $"<dialog id=\"{d.Id}\" direction=\"{d.Direction}\"><state>{d.State}</state></dialog>")) +
              "</dialog-info>");

    private static string[] Live(DialogInfoTracker t) => Enumerable.Range(0, t.Count).Select(i => t.Get(i).Id + ":" + DialogInfoDialog.PhaseName(t.Get(i).Phase)).ToArray();

    [Fact]
    public void A_full_document_replaces_what_was_known_and_terminated_dialogs_are_dropped()
    {
        var t = new DialogInfoTracker();
        Assert.Equal(DialogInfoUpdate.Applied, t.Apply(Doc(0, true, ("a", "confirmed", "initiator"), ("b", "early", "recipient"))));
        Assert.Equal(new[] { "a:confirmed", "b:early" }, Live(t));
        Assert.Equal("b", t.Ringing()!.Id);
        Assert.Equal(DialogInfoUpdate.Applied, t.Apply(Doc(1, true, ("c", "trying", "initiator"), ("a", "terminated", "initiator"))));
        Assert.Equal(new[] { "c:trying" }, Live(t));
        Assert.Null(t.Ringing());
        Assert.Equal(1L, t.Version);
    }

    [Fact]
    public void A_partial_document_changes_only_the_dialogs_it_names_and_removes_terminated_ones()
    {
        var t = new DialogInfoTracker();
        t.Apply(Doc(4, true, ("a", "early", "recipient"), ("b", "confirmed", "initiator")));
        Assert.Equal(DialogInfoUpdate.Applied, t.Apply(Doc(5, false, ("a", "confirmed", "recipient"))));
        Assert.Equal(new[] { "a:confirmed", "b:confirmed" }, Live(t));
        Assert.Equal(DialogInfoUpdate.Applied, t.Apply(Doc(6, false, ("b", "terminated", "initiator"), ("n", "early", "recipient"))));
        Assert.Equal(new[] { "a:confirmed", "n:early" }, Live(t));
    }

    [Fact]
    public void A_document_not_newer_than_the_last_is_ignored()
    {
        var t = new DialogInfoTracker();
        t.Apply(Doc(3, true, ("a", "confirmed", "initiator")));
        Assert.Equal(DialogInfoUpdate.Stale, t.Apply(Doc(3, true)));
        Assert.Equal(DialogInfoUpdate.Stale, t.Apply(Doc(2, false, ("a", "terminated", "initiator"))));
        Assert.Equal(new[] { "a:confirmed" }, Live(t));
        Assert.Equal(3L, t.Version);
    }

    [Fact]
    public void A_partial_document_that_skips_a_version_or_comes_first_is_taken_but_asks_for_full_state()
    {
        var t = new DialogInfoTracker();
        Assert.Equal(DialogInfoUpdate.Gap, t.Apply(Doc(0, false, ("a", "early", "recipient"))));
        Assert.Equal(DialogInfoUpdate.Applied, t.Apply(Doc(1, true, ("a", "early", "recipient"))));
        Assert.Equal(DialogInfoUpdate.Gap, t.Apply(Doc(3, false, ("a", "confirmed", "recipient"))));
        Assert.Equal(new[] { "a:confirmed" }, Live(t));
        Assert.Equal(DialogInfoUpdate.Applied, t.Apply(Doc(9, true)));
        Assert.Empty(Live(t));
    }

    [Fact]
    public void Reset_forgets_dialogs_and_version_for_a_new_subscription()
    {
        var t = new DialogInfoTracker();
        t.Apply(Doc(8, true, ("a", "confirmed", "initiator")));
        t.Reset();
        Assert.Equal((-1L, 0, false), (t.Version, t.Count, t.HasFullState));
        Assert.Equal(DialogInfoUpdate.Applied, t.Apply(Doc(0, true, ("b", "early", "recipient"))));
        Assert.Equal(new[] { "b:early" }, Live(t));
    }

    // ---- hostile input ----

    [Fact]
    public void Two_hundred_seeded_mutations_of_real_bodies_never_throw_and_always_give_a_document_or_a_reason()
    {
        string[] seeds = { RfcBasic, RfcDetailed, KamailioRinging };
        var random = new Random(4235);
        int parsed = 0, refused = 0;
        for (int n = 0; n < 200; n++)
        {
            string body = Mutate(seeds[n % seeds.Length], random);
            bool ok = DialogInfo.TryParse(body, out var doc, out var reason);
            if (ok)
            {
                parsed++;
                Assert.NotNull(doc);
                Assert.InRange(doc!.Count, 0, DialogInfo.MaxDialogs);
                new DialogInfoTracker().Apply(doc);
            }
            else
            {
                refused++;
                Assert.Null(doc);
                Assert.False(string.IsNullOrEmpty(reason), body);
            }
        }
        Assert.True(parsed > 0 && refused > 0, $"{parsed} parsed, {refused} refused: the mutations should hit both");
    }

    private static string Mutate(string seed, Random random)
    {
        var s = new StringBuilder(seed);
        int rounds = 1 + random.Next(4);
        for (int r = 0; r < rounds && s.Length > 0; r++)
        {
            int at = random.Next(s.Length);
            switch (random.Next(8))
            {
                case 0: s[at] = (char)(s[at] ^ (1 << random.Next(7))); break;
                case 1: s.Length = at; break;
                case 2: s.Insert(at, "<>&;\"'/="[random.Next(8)]); break;
                case 3: s.Remove(at, Math.Min(s.Length - at, 1 + random.Next(20))); break;
                case 4: { int from = random.Next(s.Length); s.Insert(at, s.ToString(from, Math.Min(30, s.Length - from))); break; }
                case 5: s.Insert(at, "\0"); break;
                case 6: s.Insert(at, "&#x" + random.Next(0x110000).ToString("X") + ";"); break;
                default: s.Insert(at, new string('<', 1 + random.Next(50))); break;
            }
        }
        return s.ToString();
    }
}
