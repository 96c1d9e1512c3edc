// The device file's "recording" policy and "screening" greeting: defaults, values, located errors.
using DeskPhone.Firmware.Config;
using static DeskPhone.Firmware.Tests.Config.ConfigTestFiles;

namespace DeskPhone.Firmware.Tests.Config;

public class RecordingConfigTests
{
    private static string With(string fields) => Minimal.TrimEnd().TrimEnd('}') + ", " + fields + " }";

    [Fact]
    public void Without_a_recording_section_recording_is_on_request_with_the_notice_and_no_download()
    {
        var p = Load(Minimal).Recording;
        Assert.Equal(RecordingMode.On, p.Mode);
        Assert.True(p.Notice);
        Assert.False(p.Download);
        Assert.Equal(3600, p.MaxSeconds);
        Assert.Null(p.Greeting);
    }

    [Fact]
    public void The_files_policy_and_greeting_are_read()
    {
        var p = Load(With("""
            "recording": { "mode": "forced", "download": true, "notice": false, "maxSeconds": 600 },
            "screening": { "greeting": "greetings/front-desk.wav" }
            """)).Recording;
        Assert.Equal(RecordingMode.Forced, p.Mode);
        Assert.True(p.Download);
        Assert.False(p.Notice);
        Assert.Equal(600, p.MaxSeconds);
        Assert.Equal("greetings/front-desk.wav", p.Greeting);
    }

    [Theory]
    [InlineData("off", RecordingMode.Off)]
    [InlineData("on", RecordingMode.On)]
    [InlineData("forced", RecordingMode.Forced)]
    public void Each_mode_is_read(string mode, RecordingMode expected)
    {
        Assert.Equal(expected, Load(With("\"recording\": { \"mode\": \"" + mode + "\" }")).Recording.Mode);
    }

    [Theory]
    [InlineData("\"recording\": { \"mode\": \"always\" }", "recording.mode: 'always' is not a recording mode")]
    [InlineData("\"recording\": { \"notice\": true }", "recording: missing required field 'mode'")]
    [InlineData("\"recording\": { \"mode\": \"on\", \"maxSeconds\": 5 }", "recording.maxSeconds: 5 is out of range (10-14400)")]
    [InlineData("\"recording\": { \"mode\": \"on\", \"download\": \"yes\" }", "recording.download: expected true or false")]
    [InlineData("\"recording\": { \"mode\": \"on\", \"notise\": true }", "recording.notise: unknown field 'notise' in recording")]
    [InlineData("\"recording\": \"on\"", "recording: expected an object")]
    [InlineData("\"screening\": { \"greeting\": \"../etc/passwd.wav\" }", "screening.greeting: '../etc/passwd.wav' is not a storage file name")]
    [InlineData("\"screening\": { \"greeting\": \"hello.mp3\" }", "screening.greeting: 'hello.mp3' must name a .wav file")]
    [InlineData("\"screening\": { \"greting\": \"hello.wav\" }", "screening.greting: unknown field 'greting' in screening")]
    public void A_wrong_field_is_a_located_error(string fields, string message)
    {
        Assert.Contains(Messages(Errors(With(fields))), m => m.StartsWith(message));
    }

    [Fact]
    public void An_error_names_the_file_line_and_column()
    {
        string text = With("\n\"recording\": { \"mode\": \"sometimes\" }");
        var lines = Lines(Errors(text, "reception.json"));
        Assert.Contains(lines, l => l.StartsWith("reception.json:") && l.Contains("recording.mode") && l.Contains("sometimes"));
    }
}
