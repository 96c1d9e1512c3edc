using DeskPhone.Firmware.Media.Dtmf;

namespace DeskPhone.Firmware.Tests.Media.Dtmf;

public class DtmfInfoBodyTests
{
    private const string Relay = "application/dtmf-relay";
    private const string Digit = "application/dtmf";

    [Theory]
    [InlineData('5', 160, "Signal=5\r\nDuration=160\r\n")]
    [InlineData('#', 250, "Signal=#\r\nDuration=250\r\n")]
    [InlineData('b', 100, "Signal=B\r\nDuration=100\r\n")]
    public void A_dtmf_relay_body_is_a_Signal_line_and_a_Duration_line(char digit, int ms, string body)
    {
        Assert.Equal(body, DtmfInfoBody.Format(digit, ms));
    }

    [Fact]
    public void A_character_that_is_not_a_digit_has_no_body()
    {
        Assert.Null(DtmfInfoBody.Format('x', 100));
    }

    [Theory]
    [InlineData("Signal=5\r\nDuration=160\r\n", '5', 160)]
    [InlineData("signal = *\nduration= 100\n", '*', 100)]       // any case, spaces, bare LF
    [InlineData("Signal=10\r\nDuration=160\r\n", '*', 160)]     // event numbers for * and #
    [InlineData("Signal=11\r\n", '#', -1)]                       // no Duration
    [InlineData("Signal=c\r\nDuration=100\r\nVolume=10\r\n", 'C', 100)]  // unknown keys ignored
    [InlineData("\r\nSignal=0", '0', -1)]                        // blank lines, no final line end
    [InlineData("Signal=!\r\nDuration=500\r\n", '\0', 500)]     // hook flash: accepted, no digit
    [InlineData("Signal=16\r\n", '\0', -1)]
    public void Relay_bodies_as_phones_and_PBXs_send_them_are_read(string body, char digit, int ms)
    {
        Assert.True(DtmfInfoBody.TryParse(Relay, body, out char d, out int duration, out string? why), why);
        Assert.Equal(digit, d);
        Assert.Equal(ms, duration);
    }

    [Theory]
    [InlineData("Duration=160\r\n", "Missing Signal")]
    [InlineData("", "Missing Signal")]
    [InlineData("Signal=X\r\n", "Bad Signal")]
    [InlineData("Signal=12\r\n", "Bad Signal")]
    [InlineData("Signal=\r\n", "Bad Signal")]
    [InlineData("Signal=1\r\nSignal=2\r\n", "Bad Signal")]
    [InlineData("Signal=1\r\nDuration=long\r\n", "Bad Duration")]
    [InlineData("Signal=1\r\nDuration=-5\r\n", "Bad Duration")]
    [InlineData("Signal=1\r\nDuration=99999999\r\n", "Bad Duration")]
    [InlineData("Signal 1\r\n", "Malformed dtmf-relay line")]
    public void Unreadable_relay_bodies_are_refused_with_a_reason(string body, string reason)
    {
        Assert.False(DtmfInfoBody.TryParse(Relay, body, out _, out int ms, out string? why));
        Assert.Equal(reason, why);
        Assert.Equal(-1, ms);
    }

    [Theory]
    [InlineData("5", '5')]
    [InlineData("#\r\n", '#')]
    [InlineData(" a ", 'A')]
    public void An_application_dtmf_body_is_a_single_digit(string body, char digit)
    {
        Assert.True(DtmfInfoBody.TryParse(Digit, body, out char d, out _, out _));
        Assert.Equal(digit, d);
    }

    [Theory]
    [InlineData("55")]
    [InlineData("")]
    [InlineData("Signal=5")]
    public void An_application_dtmf_body_that_is_not_one_digit_is_refused(string body)
    {
        Assert.False(DtmfInfoBody.TryParse(Digit, body, out _, out _, out string? why));
        Assert.Equal("Bad DTMF digit", why);
    }

    [Fact]
    public void Other_body_types_are_not_read()
    {
        Assert.False(DtmfInfoBody.IsDtmfType("text/plain"));
        Assert.False(DtmfInfoBody.TryParse("text/plain", "Signal=5", out _, out _, out string? why));
        Assert.Equal("Not a DTMF body type", why);
    }
}
