// RFC 3842 message-summary bodies: the RFC's examples, the bodies real servers send, and junk.
using DeskPhone.Firmware.Sip.Subscription;

namespace DeskPhone.Firmware.Tests.Sip.Subscription;

public class MessageSummaryTests
{
    private static MessageSummary Parse(string body)
    {
        Assert.True(MessageSummary.TryParse(body, out var s, out var reason), reason);
        return s;
    }

    [Fact]
    public void The_RFC_3842_example_gives_two_new_and_eight_old_voice_messages_with_two_old_urgent_ones()
    {
        var s = Parse("Messages-Waiting: yes\r\nMessage-Account: sip:alice@vmail.example.com\r\nVoice-Message: 2/8 (0/2)\r\n");
        Assert.True(s.MessagesWaiting);
        Assert.Equal("sip:alice@vmail.example.com", s.MessageAccount);
        var v = s.VoiceCounts!;
        Assert.Equal((2, 8, 0, 2), (v.New, v.Old, v.UrgentNew, v.UrgentOld));
    }

    [Fact]
    public void The_optional_message_headers_after_the_blank_line_are_ignored()
    {
        var s = Parse("Messages-Waiting: yes\r\nVoice-Message: 4/8 (1/2)\r\n\r\n" +
                      "To: <sip:alice@atlanta.example.com>\r\nFrom: <sip:bob@biloxi.example.com>\r\n" +
                      "Subject: carpool tomorrow?\r\nPriority: normal\r\nMessage-ID: 13@vmail.example.com\r\nFax-Message: 9/9\r\n");
        Assert.Equal((4, 8, 1, 2), (s.VoiceCounts!.New, s.VoiceCounts.Old, s.VoiceCounts.UrgentNew, s.VoiceCounts.UrgentOld));
        Assert.Null(s.Counts(1)); // the Fax-Message line was a message header, not a summary line
    }

    [Fact]
    public void Several_message_classes_are_counted_each()
    {
        var s = Parse("Messages-Waiting: yes\r\nVoice-Message: 1/0\r\nFax-Message: 0/3\r\nText-Message: 5/1 (2/0)\r\n");
        Assert.Equal(1, s.NewVoiceMessages);
        Assert.Equal(3, s.Counts(1)!.Old);
        Assert.Equal((5, 2), (s.Counts(4)!.New, s.Counts(4)!.UrgentNew));
    }

    [Theory]
    [InlineData("Messages-Waiting: yes", true)]
    [InlineData("Messages-Waiting: yes\r\n", true)]
    [InlineData("Messages-Waiting: no\r\n", false)]
    [InlineData("Messages-Waiting: yes\r\nMessage-Account: sip:*97@pbx.example\r\n", true)]
    public void A_body_without_counts_says_only_whether_messages_wait(string body, bool waiting)
    {
        var s = Parse(body);
        Assert.Equal(waiting, s.MessagesWaiting);
        Assert.Null(s.VoiceCounts);
        Assert.Equal(-1, s.NewVoiceMessages);
    }

    [Theory]
    [InlineData("messages-waiting:YES\nvoice-message:3/1\n")]                // any case, bare LF, no spaces
    [InlineData("  Messages-Waiting :  yes  \r\nVoice-Message: 3 / 1 ( 0 / 0 )\r\n")] // spaces everywhere
    [InlineData("\r\n\r\nMessages-Waiting: yes\r\nVoice-Message: 3/1\r\n")]     // leading blank lines
    [InlineData("Voice-Message: 3/1\r\n")]                                      // counts without the status line
    [InlineData("Messages-Waiting: yes\r\nX-Asterisk-Extra: 42\r\nVoice-Message: 3/1\r\n")] // unknown lines
    public void Real_servers_bodies_are_read_tolerantly(string body)
    {
        var s = Parse(body);
        Assert.True(s.MessagesWaiting);
        Assert.Equal(3, s.NewVoiceMessages);
        Assert.Equal(1, s.VoiceCounts!.Old);
    }

    [Fact]
    public void Counts_without_the_status_line_wait_only_when_some_are_new()
    {
        Assert.False(Parse("Voice-Message: 0/7\r\n").MessagesWaiting);
    }

    [Fact]
    public void A_summary_line_with_unreadable_counts_is_skipped_and_the_status_line_still_counts()
    {
        var s = Parse("Messages-Waiting: yes\r\nVoice-Message: lots/none\r\nFax-Message: 1/2 (3\r\nText-Message: 99999999999/1\r\n");
        Assert.True(s.MessagesWaiting);
        Assert.Null(s.VoiceCounts);
        Assert.Equal(3, s.SkippedLines);
    }

    [Theory]
    [InlineData("", "empty body")]
    [InlineData("   \r\n", "empty body")]
    [InlineData("hello", "no Messages-Waiting line or message counts")]
    [InlineData("<?xml version=\"1.0\"?><dialog-info/>", "no Messages-Waiting line or message counts")]
    [InlineData("Messages-Waiting: maybe\r\n", "no Messages-Waiting line or message counts")]
    [InlineData("Voice-Message: many\r\n", "no Messages-Waiting line or message counts")]
    public void Junk_is_refused_with_a_reason(string body, string reason)
    {
        Assert.False(MessageSummary.TryParse(body, out var s, out var why));
        Assert.Null(s);
        Assert.Equal(reason, why);
    }

    [Fact]
    public void Random_bodies_never_throw()
    {
        var rng = new Random(11);
        const string alphabet = "Messages-Waiting: yesno\r\nVoice-Message/()0123456789 \t:";
        for (int i = 0; i < 5000; i++)
        {
            var chars = new char[rng.Next(0, 120)];
            for (int k = 0; k < chars.Length; k++) chars[k] = alphabet[rng.Next(alphabet.Length)];
            MessageSummary.TryParse(new string(chars), out var s, out var why);
            Assert.True(s != null || why != null);
        }
    }
}
