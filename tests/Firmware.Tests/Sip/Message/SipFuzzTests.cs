// Bounded mutation fuzzing: hostile bytes never throw, never hang, and a parse allocates a bounded amount.
using System.Diagnostics;
using System.Text;
using DeskPhone.Firmware.Sip.Message;

namespace DeskPhone.Firmware.Tests.Sip.Message;

public class SipFuzzTests
{
    private static List<byte[]> Seeds()
    {
        var seeds = SipTestData.Manifest().Select(r => SipTestData.TortureBytes(r[0])).ToList();
        seeds.Add(SipTestData.Invite);
        seeds.Add(SipTestData.Ok);
        seeds.Add(SipTestData.Crlf(SipTestData.Ack));
        seeds.Add(SipTestData.Crlf(SipTestData.Bye));
        seeds.Add(SipTestData.Crlf(
            "NOTIFY sip:200@192.0.2.5 SIP/2.0\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKn1;rport\nFrom: <sip:201@o>;tag=s1\n" +
            "To: <sip:200@o>;tag=w1\nCall-ID: sub1\nCSeq: 3 NOTIFY\nEvent: dialog;id=7\nSubscription-State: active;expires=600\n" +
            "Call-Info: <sip:o>;appearance-index=1;appearance-state=active;appearance-uri=\"sip:a@o\"\nContent-Length: 0\n\n"));
        return seeds;
    }

    /// <summary>One mutation of <paramref name="seed"/>: bit flips, truncation, duplicated or giant lines, NULs, stray CR/LF, spliced bytes.</summary>
    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = new List<byte>(seed);
        int rounds = 1 + random.Next(4);
        for (int r = 0; r < rounds && bytes.Count > 0; r++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(9))
            {
                case 0: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 1: bytes.RemoveRange(at, bytes.Count - at); break;
                case 2:
                {
                    var text = Encoding.Latin1.GetString(bytes.ToArray());
                    var lines = text.Split("\r\n").ToList();
                    int i = random.Next(lines.Count);
                    lines.Insert(i, lines[i]);
                    bytes = new List<byte>(Encoding.Latin1.GetBytes(string.Join("\r\n", lines)));
                    break;
                }
                case 3:
                {
                    // Mostly 2 KB values; one in ten is 30 KB (parsed) or 100 KB (refused with 513).
                    int pick = random.Next(20);
                    int size = pick == 0 ? 100 * 1024 : pick == 1 ? 30 * 1024 : 2 * 1024;
                    var giant = Encoding.ASCII.GetBytes("X-Giant: " + new string((char)('a' + random.Next(26)), size) + "\r\n");
                    int lineStart = bytes.IndexOf((byte)'\n') + 1;
                    bytes.InsertRange(lineStart, giant);
                    break;
                }
                case 4: bytes.Insert(at, 0); break;
                case 5: bytes.Insert(at, random.Next(2) == 0 ? (byte)'\r' : (byte)'\n'); break;
                case 6: bytes.InsertRange(at, Encoding.ASCII.GetBytes(new[] { ";", ",", "\"", "<", ">", ":", " ", "\t", "\r\n ", "%" }[random.Next(10)])); break;
                case 7: bytes[at] = (byte)random.Next(256); break;
                default:
                {
                    int len = Math.Min(bytes.Count - at, random.Next(64));
                    var chunk = bytes.GetRange(at, len);
                    bytes.InsertRange(random.Next(bytes.Count), chunk);
                    break;
                }
            }
        }
        return bytes.ToArray();
    }

    private static int Lines(byte[] data) => data.Count(b => b == (byte)'\n');

    /// <summary>
    /// What one TryParse may allocate: the message object and the error (about 300 bytes), the header
    /// table (five ints per header, doubling, so at most 2 × 20 bytes per line plus the copies while
    /// growing: 64 bytes per line is generous), an unknown method's string (2 bytes per character of
    /// the request line at most) and a reason string. Nothing may depend on the size of a value.
    /// </summary>
    private static long AllocationBound(byte[] data)
    {
        int start = 0;
        while (start < data.Length && (data[start] == '\r' || data[start] == '\n')) start++;
        int firstLine = Array.IndexOf(data, (byte)'\n', start);
        if (firstLine < 0) firstLine = data.Length;
        return 2048 + 64L * Lines(data) + 2L * (firstLine - start);
    }

    [Fact]
    public void Twenty_thousand_mutated_messages_never_throw_hang_or_allocate_beyond_the_bound()
    {
        var seeds = Seeds();
        var random = new Random(4475);
        int parsed = 0;
        for (int iteration = 0; iteration < 20000; iteration++)
        {
            var input = Mutate(seeds[random.Next(seeds.Count)], random);
            long before = GC.GetAllocatedBytesForCurrentThread();
            bool ok = SipParser.TryParse(input, 0, input.Length, out var message, out var error);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (allocated > AllocationBound(input))
            {
                // The first run of a rarely taken path can pay one-off runtime costs on this thread
                // (type loading, JIT): the bound is for a parse, so measure that path once more.
                before = GC.GetAllocatedBytesForCurrentThread();
                SipParser.TryParse(input, 0, input.Length, out _, out _);
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            }
            Assert.True(allocated <= AllocationBound(input), $"iteration {iteration}: {allocated} bytes for {input.Length} bytes / {Lines(input)} lines: {error} {Encoding.Latin1.GetString(input, 0, Math.Min(120, input.Length))}");
            if (ok)
            {
                parsed++;
                if (iteration % 4 == 0)
                {
                    SipTestData.TouchEverything(message);
                    var again = message.ToBytes();
                    Assert.True(SipParser.TryParse(again, 0, again.Length, out var reparsed, out var reerror), reerror?.ToString());
                    Assert.Equal(message.HeaderCount + (message.HasHeader("Content-Length") ? 0 : 1), reparsed.HeaderCount);
                }
            }
            else
            {
                Assert.True(error.Status == 400 || error.Status == 505 || error.Status == 513, error.ToString());
                if (error.Partial != null && iteration % 4 == 0)
                {
                    SipTestData.TouchEverything(error.Partial);
                    if (error.CanAnswer) SipMessage.CreateResponse(error.Partial, error.Status, error.Reason).ToBytes();
                }
            }
            if (iteration % 8 == 0)
            {
                var framer = new SipStreamFramer();
                for (int at = 0; at < input.Length;)
                {
                    int n = Math.Min(input.Length - at, 1 + random.Next(1500));
                    framer.Write(input, at, n);
                    at += n;
                    while (framer.Read(out var frame) is var kind && kind != SipFrameKind.None && kind != SipFrameKind.Error)
                    {
                        if (kind == SipFrameKind.Message) SipParser.TryParse(frame, 0, frame.Length, out _, out _);
                    }
                }
            }
        }
        // No clock here (time is for benchmarks): a hang would stop the run, and the linear-work
        // test below bounds the work per byte.
        Assert.True(parsed > 1000, $"only {parsed} mutants parsed: the mutations are too destructive to test the accept path");
    }

    [Theory]
    [InlineData("Via: SIP/2.0/UDP h;branch=z9hG4bK1", ";a")]
    [InlineData("Subject: x", "\r\n x")]
    [InlineData("X-Commas: x", ",\"q\"")]
    [InlineData("Contact: <sip:a@b>", ", <sip:a@b>")]
    [InlineData("Route: <sip:a@b;lr>", "<")]
    public void Pathological_repetition_costs_work_in_proportion_to_the_input(string header, string repeat)
    {
        // Work is measured as bytes allocated (deterministic), not time: time belongs to the
        // benchmarks (tests/Benchmarks, SipBenchmarks.Parse_pathological_*).
        string head = "OPTIONS sip:b@h SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK0\r\nFrom: <sip:a@h>;tag=1\r\nTo: <sip:b@h>\r\nCall-ID: p\r\nCSeq: 1 OPTIONS\r\n";
        long Work(int copies)
        {
            var text = head + header + string.Concat(Enumerable.Repeat(repeat, copies)) + "\r\nContent-Length: 0\r\n\r\n";
            var bytes = Encoding.ASCII.GetBytes(text);
            long best = long.MaxValue;
            for (int i = 0; i < 3; i++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                if (SipParser.TryParse(bytes, 0, bytes.Length, out var m, out _)) SipTestData.TouchEverything(m);
                best = Math.Min(best, GC.GetAllocatedBytesForCurrentThread() - before);
            }
            return best;
        }
        Work(100);
        long small = Math.Max(Work(1000), 1);
        long large = Work(8000);
        Assert.True(large < small * 8 * 3, $"8x the input allocated {(double)large / small:F1}x the bytes");
    }
}
