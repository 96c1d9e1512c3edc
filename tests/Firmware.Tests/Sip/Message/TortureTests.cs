// RFC 4475: each of the 49 torture messages gets the outcome shared/sip-torture/MANIFEST.tsv names.
using System.Text.RegularExpressions;
using DeskPhone.Firmware.Sip.Message;

namespace DeskPhone.Firmware.Tests.Sip.Message;

public class TortureTests
{
    public static TheoryData<string, string, string> Rows()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var cols in SipTestData.Manifest())
        {
            data.Add(cols[0], cols[2], cols[3]);
        }
        return data;
    }

    [Fact]
    public void The_manifest_lists_all_49_messages_and_each_file_exists()
    {
        var rows = SipTestData.Manifest().ToList();
        Assert.Equal(49, rows.Count);
        Assert.All(rows, r => Assert.True(File.Exists(Path.Combine(SipTestData.TortureFolder(), r[0])), r[0]));
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_torture_message_gets_the_outcome_the_manifest_names(string file, string expected, string reason)
    {
        byte[] bytes = SipTestData.TortureBytes(file);
        bool ok = SipParser.TryParse(bytes, 0, bytes.Length, out var message, out var error);
        if (ok)
        {
            Assert.Null(error);
            SipTestData.TouchEverything(message);
        }
        else
        {
            Assert.Null(message);
            Assert.False(string.IsNullOrEmpty(error.Reason));
        }
        string outcome = ok ? "parsed" : error.ToString();
        switch (expected)
        {
            case "parse-ok":
                Assert.True(ok, file + ": " + outcome);
                if (message.IsRequest && message.IsSipRequestUri)
                {
                    Assert.NotNull(message.RequestUri);
                }
                break;
            case "reject-400":
                Assert.False(ok, file + " parsed");
                Assert.Equal(400, error.Status);
                Assert.False(error.IsResponse);
                break;
            case "reject-505":
                Assert.False(ok, file + " parsed");
                Assert.Equal(505, error.Status);
                Assert.True(error.CanAnswer);
                break;
            case "reject-501-or-400":
                if (ok)
                {
                    Assert.Equal(501, SipRequestCheck.Check(message));
                }
                else
                {
                    Assert.Equal(400, error.Status);
                }
                break;
            case "reject-400-or-lenient":
                if (!ok)
                {
                    Assert.Equal(400, error.Status);
                }
                break;
            case "drop-response":
                Assert.False(ok, file + " parsed");
                Assert.True(error.IsResponse);
                Assert.False(error.CanAnswer);
                break;
            case "app-level-error":
                Assert.True(ok, file + ": " + outcome);
                CheckApplicationLevel(file, message, reason);
                break;
            default:
                Assert.Fail("unknown expectation " + expected);
                break;
        }
    }

    /// <summary>The role the manifest's reason speaks of for a file; a phone's UAS otherwise.</summary>
    private static SipRequestPolicy RoleFor(string file)
    {
        var policy = SipRequestPolicy.Phone;
        if (file == "unksm2.dat")                                        // "a registrar answers 400"
        {
            policy.IsRegistrar = true;
            policy.Methods = policy.Methods.Append(SipMethods.Register).ToArray();
        }
        if (file == "zeromf.dat") policy.IsProxy = true;                // "a proxy answers 483"
        return policy;
    }

    private static void CheckApplicationLevel(string file, SipMessage message, string reason)
    {
        if (message.IsResponse)
        {
            // bcast: a well-formed 200 whose second Via is the broadcast address; nothing to answer,
            // the transport must not send anything there.
            Assert.Equal(0, SipRequestCheck.Check(message));
            Assert.Contains(message.Vias, v => v.Host == "255.255.255.255");
            return;
        }
        var codes = Regex.Matches(reason, @"(?<![\d.])[1-6]\d\d(?!\d|\.\d)").Select(m => int.Parse(m.Value)).ToList();
        Assert.NotEmpty(codes);
        int status = SipRequestCheck.Check(message, RoleFor(file), out var phrase);
        Assert.True(codes.Contains(status), $"{file}: check gave {status} {phrase}, reason names {string.Join("/", codes)}");
        Assert.False(string.IsNullOrEmpty(phrase));
    }

    [Fact]
    public void An_endpoint_processes_an_OPTIONS_with_Max_Forwards_0_normally()
    {
        var m = SipTestData.Parse(SipTestData.TortureBytes("zeromf.dat"));
        Assert.Equal(0, m.MaxForwards);
        Assert.Equal(0, SipRequestCheck.Check(m));
    }

    [Fact]
    public void The_420_for_bext01_lists_the_Require_tags_for_a_UAS_and_both_lists_for_a_proxy()
    {
        var m = SipTestData.Parse(SipTestData.TortureBytes("bext01.dat"));
        Assert.Equal(new[] { "nothingSupportsThis", "nothingSupportsThisEither" }, SipRequestCheck.UnsupportedTags(m, SipRequestPolicy.Phone));
        var proxy = SipRequestPolicy.Phone;
        proxy.IsProxy = true;
        Assert.Equal(4, SipRequestCheck.UnsupportedTags(m, proxy).Length);
    }
}
