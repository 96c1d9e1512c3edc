// Writes a SipMessage as bytes: start line, headers (unchanged ones copied from the received bytes), Content-Length, body.
namespace DeskPhone.Firmware.Sip.Message
{
    /// <summary>
    /// Serialises messages. Every header is written "Name: value" CRLF with the name as received;
    /// values that were not changed or folded are copied byte for byte from the received message.
    /// Content-Length always states the body's real length: an existing Content-Length (or "l")
    /// line gets the right number, and one is appended when the message has none, so the output
    /// is valid on streams too. Use <see cref="GetByteCount"/> and <see cref="Write"/> to fill a
    /// transport's own buffer without allocating.
    /// </summary>
    public static class SipWriter
    {
        private static readonly byte[] Crlf = new byte[] { 13, 10 };
        private static readonly byte[] ColonSpace = new byte[] { 58, 32 };

        /// <summary>The exact number of bytes <see cref="Write"/> produces for <paramref name="message"/>.</summary>
        public static int GetByteCount(SipMessage message)
        {
            return Emit(message, null, 0);
        }

        /// <summary>Writes <paramref name="message"/> into <paramref name="buffer"/> at <paramref name="offset"/>; returns the byte count. The buffer must have <see cref="GetByteCount"/> bytes free.</summary>
        public static int Write(SipMessage message, byte[] buffer, int offset)
        {
            return Emit(message, buffer, offset) - offset;
        }

        /// <summary>The message as a new exact-size array.</summary>
        public static byte[] ToBytes(SipMessage message)
        {
            byte[] bytes = new byte[GetByteCount(message)];
            Emit(message, bytes, 0);
            return bytes;
        }

        /// <summary>Writes (or, with a null buffer, measures) the message; returns the index after it.</summary>
        private static int Emit(SipMessage m, byte[] buf, int at)
        {
            if (m.IsRequest)
            {
                at = Text(buf, at, m.Method);
                at = Byte(buf, at, 32);
                at = Text(buf, at, m.RequestUriText);
                at = Byte(buf, at, 32);
                at = Text(buf, at, SipMessage.Version);
            }
            else
            {
                at = Text(buf, at, SipMessage.Version);
                at = Byte(buf, at, 32);
                at = Number(buf, at, m.StatusCode);
                at = Byte(buf, at, 32);
                at = Text(buf, at, m.ReasonPhrase);
            }
            at = Bytes(buf, at, Crlf, 0, 2);
            bool wroteLength = false;
            byte[] raw = m.Raw;
            for (int i = 0; i < m.HeaderCount; i++)
            {
                int start;
                int length;
                if (m.RawName(i, out start, out length))
                {
                    at = Bytes(buf, at, raw, start, length);
                }
                else
                {
                    at = Text(buf, at, m.HeaderName(i));
                }
                at = Bytes(buf, at, ColonSpace, 0, 2);
                if (m.IdAt(i) == SipHeaderNames.IdContentLength)
                {
                    at = Number(buf, at, m.BodyLength);
                    wroteLength = true;
                }
                else if (m.RawValue(i, out start, out length))
                {
                    at = Bytes(buf, at, raw, start, length);
                }
                else
                {
                    at = Text(buf, at, m.HeaderValue(i));
                }
                at = Bytes(buf, at, Crlf, 0, 2);
            }
            if (!wroteLength)
            {
                at = Text(buf, at, SipHeaderNames.ContentLength);
                at = Bytes(buf, at, ColonSpace, 0, 2);
                at = Number(buf, at, m.BodyLength);
                at = Bytes(buf, at, Crlf, 0, 2);
            }
            at = Bytes(buf, at, Crlf, 0, 2);
            if (buf != null)
            {
                m.CopyBodyTo(buf, at);
            }
            return at + m.BodyLength;
        }

        private static int Byte(byte[] buf, int at, byte b)
        {
            if (buf != null)
            {
                buf[at] = b;
            }
            return at + 1;
        }

        private static int Bytes(byte[] buf, int at, byte[] src, int start, int length)
        {
            if (buf != null && length > 0)
            {
                System.Array.Copy(src, start, buf, at, length);
            }
            return at + length;
        }

        private static int Text(byte[] buf, int at, string s)
        {
            if (s == null)
            {
                return at;
            }
            return buf == null ? at + SipText.Utf8Count(s) : SipText.WriteUtf8(s, buf, at);
        }

        private static int Number(byte[] buf, int at, int value)
        {
            int digits = 1;
            for (int v = value; v >= 10; v /= 10)
            {
                digits++;
            }
            if (buf != null)
            {
                int v = value;
                for (int k = digits - 1; k >= 0; k--)
                {
                    buf[at + k] = (byte)('0' + v % 10);
                    v /= 10;
                }
            }
            return at + digits;
        }
    }
}
