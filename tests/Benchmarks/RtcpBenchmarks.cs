// RTCP on the media path: writing a receiver-report compound and reading one must not allocate.
using BenchmarkDotNet.Attributes;
using DeskPhone.Firmware.Media.Rtcp;

namespace DeskPhone.Benchmarks;

[MemoryDiagnoser]
public class RtcpBenchmarks
{
    private readonly ReceiverReport _rr = new(1);
    private readonly Sdes _sdes = new();
    private readonly RtcpReceived _received = new();
    private readonly byte[] _buffer = new byte[RtcpSession.MaxPacketBytes];
    private byte[] _packet = Array.Empty<byte>();

    [GlobalSetup]
    public void Setup()
    {
        _rr.Ssrc = 0x11223344;
        _rr.BlockCount = 1;
        _rr.Blocks[0] = new ReportBlock
        {
            Ssrc = 0xAABBCCDD, FractionLost = 12, CumulativeLost = 40, HighestSequence = 0x0001_2345,
            Jitter = 80, LastSr = 0xB7052000, DelaySinceLastSr = 0x00054000,
        };
        _sdes.Ssrc = 0x11223344;
        _sdes.SetCname("201@192.0.2.10");
        int n = RtcpCompound.Write(_buffer, 0, _rr, _sdes, null);
        _packet = _buffer[..n];
    }

    /// <summary>RR with one block + SDES CNAME into a preallocated buffer (expect 0 B allocated).</summary>
    [Benchmark]
    public int Write_receiver_report_compound() => RtcpCompound.Write(_buffer, 0, _rr, _sdes, null);

    /// <summary>Validate and read the same compound, finding the block about 0xAABBCCDD (expect 0 B allocated).</summary>
    [Benchmark]
    public bool Read_receiver_report_compound() => RtcpCompound.TryRead(_packet, 0, _packet.Length, 0xAABBCCDD, _received);
}
