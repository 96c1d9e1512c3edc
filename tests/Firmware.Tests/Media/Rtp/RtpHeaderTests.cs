using DeskPhone.Firmware.Media.Rtp;

namespace DeskPhone.Firmware.Tests.Media.Rtp;

public class RtpHeaderTests
{
    [Fact]
    public void A_header_encodes_byte_for_byte()
    {
        var h = new RtpHeader { PayloadType = 9, Marker = true, Sequence = 0x1234, Timestamp = 0xA1B2C3D4, Ssrc = 0xDEADBEEF };
        var buf = new byte[12];
        Assert.Equal(12, h.WriteTo(buf, 0));
        Assert.Equal(new byte[] { 0x80, 0x89, 0x12, 0x34, 0xA1, 0xB2, 0xC3, 0xD4, 0xDE, 0xAD, 0xBE, 0xEF }, buf);
    }

    [Fact]
    public void A_packet_with_csrcs_extension_and_padding_yields_the_payload_between_them()
    {
        var p = new byte[] {
            0xB2, 0x00, 0x00, 0x01, 0, 0, 0, 160, 0, 0, 0, 7,   // V=2 P=1 X=1 CC=2, PT 0
            1, 1, 1, 1, 2, 2, 2, 2,                              // two CSRCs
            0xBE, 0xDE, 0x00, 0x01, 9, 9, 9, 9,                  // extension of one word
            0xAA, 0xBB, 0xCC,                                    // payload
            0, 0, 3 };                                           // padding of 3
        Assert.True(RtpHeader.TryRead(p, 0, p.Length, out var h, out int at, out int len));
        Assert.Equal(0, h.PayloadType);
        Assert.Equal(1, h.Sequence);
        Assert.Equal(160u, h.Timestamp);
        Assert.Equal(7u, h.Ssrc);
        Assert.Equal(28, at);
        Assert.Equal(3, len);
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 0 })]                                           // too short
    [InlineData(new byte[] { 0x40, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1 })]              // version 1
    [InlineData(new byte[] { 0x8F, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1 })]              // 15 CSRCs, none there
    [InlineData(new byte[] { 0xA0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0xAA, 0x09 })]  // padding longer than the packet
    [InlineData(new byte[] { 0x80, 200, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1 })]            // an RTCP sender report
    public void Packets_that_are_not_RTP_are_refused(byte[] packet)
    {
        Assert.False(RtpHeader.TryRead(packet, 0, packet.Length, out _, out _, out _));
    }
}
