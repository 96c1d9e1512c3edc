// The shared-appearance Call-Info header: what Kamailio's sca writes, what other servers might, and junk; the appearance table.
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Subscription;

namespace DeskPhone.Firmware.Tests.Sip.Subscription;

public class CallInfoTests
{
    // A call-info NOTIFY's header as sca_call_info_build_header writes it: busy appearances, then "*" idle.
    private const string KamailioHeader =
        "<sip:office.example>;appearance-index=1;appearance-state=active;appearance-uri=\"\\\"Carol\\\" <sip:204@office.example>\","
        + "<sip:office.example>;appearance-index=2;appearance-state=held-private;appearance-uri=\"<sip:201@office.example>\","
        + "<sip:office.example>;appearance-index=*;appearance-state=idle";

    private static CallInfoAppearance[] Parse(string value)
    {
        Assert.True(CallInfoHeader.TryParse(value, out var list, out var problem), problem);
        return list;
    }

    [Fact]
    public void Kamailios_list_gives_each_appearance_its_index_state_and_remote_party_and_marks_the_star_entry()
    {
        var list = Parse(KamailioHeader);
        Assert.Equal(3, list.Length);
        Assert.Equal((1, AppearanceState.Active, "Carol 204", "sip:office.example"), (list[0].Index, list[0].State, list[0].RemoteText, list[0].Line));
        Assert.Equal("\"Carol\" <sip:204@office.example>", list[0].Uri);
        Assert.Equal((2, AppearanceState.HeldPrivate, "201"), (list[1].Index, list[1].State, list[1].RemoteText));
        Assert.True(list[2].IsAllOthers);
        Assert.Equal(AppearanceState.Idle, list[2].State);
    }

    [Fact]
    public void Format_writes_index_then_state_the_only_order_sca_reads()
    {
        Assert.Equal("<sip:office.example>;appearance-index=2;appearance-state=held-private", CallInfoHeader.Format("office.example", 2, AppearanceState.HeldPrivate));
        Assert.Equal("<sip:office.example>;appearance-index=1", CallInfoHeader.Format("office.example", 1, AppearanceState.Unknown));
        var back = Parse(CallInfoHeader.Format("office.example", 7, AppearanceState.Seized)).Single();
        Assert.Equal((7, AppearanceState.Seized), (back.Index, back.State));
    }

    [Theory]
    [InlineData("<sip:office.example>; appearance-state = HELD ; Appearance-Index = 3 ; appearance-uri = \"sip:204@office.example\"")]
    [InlineData("<sip:office.example>;x-vendor=1;appearance-uri=sip:204@office.example;appearance-index=3;appearance-state=held")]
    [InlineData("sip:office.example;appearance-index=3;appearance-state=held;appearance-uri=\"<sip:204@office.example>\"")]
    public void Reading_is_tolerant_of_order_case_spaces_unknown_parameters_and_bare_values(string value)
    {
        var a = Parse(value).Single();
        Assert.Equal((3, AppearanceState.Held, "204"), (a.Index, a.State, a.RemoteText));
    }

    [Fact]
    public void A_line_seize_NOTIFY_names_only_the_index()
    {
        var a = Parse("<sip:office.example>;appearance-index=2").Single();
        Assert.Equal((2, AppearanceState.Unknown, null), (a.Index, a.State, a.Uri));
    }

    [Fact]
    public void Escaped_quotes_and_apostrophes_in_the_display_name_come_out_plain()
    {
        var a = Parse("<sip:office.example>;appearance-index=1;appearance-state=active;appearance-uri=\"\\\"O\\'Brien, Pat\\\" <sip:205@office.example>\"").Single();
        Assert.Equal("O'Brien, Pat 205", a.RemoteText);
    }

    [Theory]
    [InlineData("", "empty Call-Info")]
    [InlineData("<sip:office.example>;appearance-state=active", "no appearance-index")]
    [InlineData("<sip:office.example>;appearance-index=0;appearance-state=seized", "appearance-index 0")]
    [InlineData("<sip:office.example>;appearance-index=x1", "bad appearance-index 'x1'")]
    [InlineData("<sip:office.example>;appearance-index=", "bad appearance-index ''")]
    [InlineData("<sip:office.example>;appearance-index=99999999999999999999", "too large")]
    [InlineData("<sip:office.example>;appearance-index=1;appearance-state=ringing", "unknown appearance-state 'ringing'")]
    [InlineData("<sip:office.example>;appearance-index=1;appearance-uri=\"<sip:204@office", "unclosed quote")]
    [InlineData("<sip:office.example;appearance-index=1", "unclosed '<'")]
    [InlineData("<sip:office.example> appearance-index=1", "unexpected 'a'")]
    public void An_unusable_header_is_refused_with_the_reason(string value, string reason)
    {
        Assert.False(CallInfoHeader.TryParse(value, out var list, out var problem));
        Assert.Empty(list);
        Assert.Contains(reason, problem);
    }

    [Fact]
    public void A_bad_entry_is_skipped_and_named_while_the_good_ones_are_kept()
    {
        Assert.True(CallInfoHeader.TryParse("<sip:o.example>;appearance-index=1;appearance-state=bogus,<sip:o.example>;appearance-index=2;appearance-state=held", out var list, out var problem));
        Assert.Equal(2, list.Single().Index);
        Assert.Equal("entry 1: unknown appearance-state 'bogus'", problem);
    }

    [Fact]
    public void A_header_listing_thousands_of_appearances_is_cut_at_the_limit()
    {
        string value = string.Join(",", Enumerable.Range(1, 2000).Select(i => $"<sip:o.example>;appearance-index={i};appearance-state=active"));
        Assert.True(CallInfoHeader.TryParse(value, out var list, out var problem));
        Assert.Equal(CallInfoHeader.MaxAppearances, list.Length);
        Assert.Contains("more than 32 appearances", problem);
    }

    [Fact]
    public void Random_mutations_of_a_real_header_never_throw()
    {
        var random = new Random(6);
        const string alphabet = "<>;=,\"\\ *:@-0123456789appearance-indexstatuiheld";
        for (int n = 0; n < 2000; n++)
        {
            char[] chars = KamailioHeader.ToCharArray();
            for (int k = random.Next(1, 8); k > 0; k--) chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
            string value = new string(chars, 0, random.Next(chars.Length + 1));
            bool ok = CallInfoHeader.TryParse(value, out var list, out var problem);
            Assert.True(ok ? list.Length > 0 : list.Length == 0 && problem != null, value);
            foreach (var a in list) _ = a.RemoteText;
        }
    }

    private static SipMessage Notify(params string[] callInfo)
    {
        var n = SipMessage.CreateRequest("NOTIFY", "sip:202@127.0.1.1:5060");
        n.AddHeader("Event", "call-info");
        foreach (string c in callInfo) n.AddHeader("Call-Info", c);
        return n;
    }

    [Fact]
    public void Each_NOTIFY_replaces_the_table_with_its_busy_appearances_and_one_without_Call_Info_changes_nothing()
    {
        var table = new CallInfoTable();
        Assert.True(table.Apply(Notify(KamailioHeader)));
        Assert.Equal("1 active Carol 204, 2 held-private 201", table.ToString());
        Assert.False(table.Apply(Notify(KamailioHeader)));                      // the same again
        Assert.False(table.Apply(Notify()));                                    // no Call-Info: nothing said
        Assert.False(table.Apply(Notify("<sip:o.example>;appearance-index=zz"))); // unreadable: nothing changes
        Assert.Equal("entry 1: bad appearance-index 'zz'", table.LastProblem);
        Assert.Equal(2, table.Count);

        // Several Call-Info lines count as one list; an idle entry is free.
        Assert.True(table.Apply(Notify("<sip:o.example>;appearance-index=3;appearance-state=held", "<sip:o.example>;appearance-index=1;appearance-state=idle")));
        Assert.Equal("3 held", table.ToString());
        Assert.True(table.Apply(Notify("<sip:o.example>;appearance-index=*;appearance-state=idle")));
        Assert.Equal("idle", table.ToString());
    }

    [Fact]
    public void The_free_index_skips_busy_appearances_and_the_phones_own_and_counts_from_one()
    {
        var table = new CallInfoTable();
        Assert.Equal(1, table.FreeIndex(new int[0], 0));
        table.Apply(Notify("<sip:o.example>;appearance-index=1;appearance-state=active,<sip:o.example>;appearance-index=3;appearance-state=held"));
        Assert.Equal(2, table.FreeIndex(new int[0], 0));
        Assert.Equal(4, table.FreeIndex(new[] { 2, 9 }, 1));
        Assert.Equal(5, table.FreeIndex(new[] { 2, 4 }, 2));
    }
}
