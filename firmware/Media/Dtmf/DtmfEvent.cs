// The telephone-event payload (RFC 4733 §2.3): event, end bit, volume and duration in 4 bytes.
namespace DeskPhone.Firmware.Media.Dtmf
{
    /// <summary>
    /// One named event block: event code (8 bits; DTMF 0-15), E (end of event), R (reserved, sent
    /// 0, ignored), volume (6 bits, -dBm0, 0-63) and duration (16 bits, timestamp units since the
    /// event or segment began). A struct written into caller-owned buffers.
    /// </summary>
    public struct DtmfEvent
    {
        /// <summary>Bytes of one event block.</summary>
        public const int Size = 4;

        /// <summary>The largest duration the 16-bit field holds (§2.5.1.3: longer events are sent in segments).</summary>
        public const int MaxDuration = 0xFFFF;

        /// <summary>Event code (0-9, 10 '*', 11 '#', 12-15 A-D for DTMF; up to 255).</summary>
        public int Event;
        /// <summary>E bit: the event has ended (the duration is final).</summary>
        public bool End;
        /// <summary>Power level as -dBm0, 0-63 (10 means -10 dBm0).</summary>
        public int Volume;
        /// <summary>Duration in timestamp units, 0-65535.</summary>
        public int Duration;

        /// <summary>Writes the 4 bytes at <paramref name="offset"/>; returns <see cref="Size"/>.</summary>
        public int WriteTo(byte[] buffer, int offset)
        {
            int duration = Duration < 0 ? 0 : (Duration > MaxDuration ? MaxDuration : Duration);
            buffer[offset] = (byte)Event;
            buffer[offset + 1] = (byte)((End ? 0x80 : 0) | (Volume & 0x3F));
            buffer[offset + 2] = (byte)(duration >> 8);
            buffer[offset + 3] = (byte)duration;
            return Size;
        }

        /// <summary>
        /// Reads the first event block of a telephone-event payload. False when fewer than
        /// <see cref="Size"/> bytes are there. (Further blocks, RFC 4733 §2.5.1.5, are not read.)
        /// </summary>
        public static bool TryRead(byte[] payload, int offset, int count, out DtmfEvent dtmf)
        {
            dtmf = new DtmfEvent();
            if (payload == null || offset < 0 || count < Size || offset > payload.Length - Size) return false;
            dtmf.Event = payload[offset];
            dtmf.End = (payload[offset + 1] & 0x80) != 0;
            dtmf.Volume = payload[offset + 1] & 0x3F;
            dtmf.Duration = (payload[offset + 2] << 8) | payload[offset + 3];
            return true;
        }
    }
}
