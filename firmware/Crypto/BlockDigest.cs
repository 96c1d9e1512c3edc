// The part MD5 and SHA-256 share: 64-byte blocks, Merkle-Damgard padding, incremental input.
namespace DeskPhone.Firmware.Crypto
{
    /// <summary>
    /// A hash over 64-byte blocks (MD5, SHA-256). Feed bytes with <see cref="Append(byte[], int, int)"/>
    /// or <see cref="AppendUtf8(string)"/> in pieces of any size, then call <see cref="Finish()"/>.
    /// After Finish the instance is reset and can hash the next message. Whole blocks are
    /// compressed straight from the caller's array; nothing is allocated per block.
    /// An instance is not thread-safe.
    /// </summary>
    public abstract class BlockDigest
    {
        /// <summary>The block size of MD5 and SHA-256, in bytes.</summary>
        public const int BlockSize = 64;

        private readonly byte[] _buffer = new byte[BlockSize];
        private int _buffered;
        private long _length;
        private readonly bool _bigEndianLength;

        /// <summary>Sets up the shared buffer; the subclass resets its own chaining state.</summary>
        /// <param name="bigEndianLength">True when the message length is appended big-endian (SHA-2), false for little-endian (MD5).</param>
        protected BlockDigest(bool bigEndianLength)
        {
            _bigEndianLength = bigEndianLength;
        }

        /// <summary>The digest length in bytes (16 for MD5, 32 for SHA-256).</summary>
        public abstract int HashSize { get; }

        /// <summary>The algorithm's name as the RFCs write it ("MD5", "SHA-256").</summary>
        public abstract string Name { get; }

        /// <summary>How many bytes have been appended since the last reset.</summary>
        public long Length { get { return _length; } }

        /// <summary>Forgets everything appended so far.</summary>
        public void Reset()
        {
            _buffered = 0;
            _length = 0;
            for (int i = 0; i < BlockSize; i++)
            {
                _buffer[i] = 0;
            }
            ResetState();
        }

        /// <summary>Appends all of <paramref name="data"/>.</summary>
        public void Append(byte[] data)
        {
            if (data == null)
            {
                throw new System.ArgumentNullException("data");
            }
            Append(data, 0, data.Length);
        }

        /// <summary>Appends <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public void Append(byte[] data, int offset, int count)
        {
            if (data == null)
            {
                throw new System.ArgumentNullException("data");
            }
            if (offset < 0 || offset > data.Length)
            {
                throw new System.ArgumentOutOfRangeException("offset");
            }
            if (count < 0 || count > data.Length - offset)
            {
                throw new System.ArgumentOutOfRangeException("count");
            }
            _length += count;

            if (_buffered > 0)
            {
                int take = BlockSize - _buffered;
                if (take > count)
                {
                    take = count;
                }
                System.Array.Copy(data, offset, _buffer, _buffered, take);
                _buffered += take;
                offset += take;
                count -= take;
                if (_buffered < BlockSize)
                {
                    return;
                }
                ProcessBlock(_buffer, 0);
                _buffered = 0;
            }

            while (count >= BlockSize)
            {
                ProcessBlock(data, offset);
                offset += BlockSize;
                count -= BlockSize;
            }

            if (count > 0)
            {
                System.Array.Copy(data, offset, _buffer, 0, count);
                _buffered = count;
            }
        }

        /// <summary>
        /// Appends the UTF-8 encoding of <paramref name="text"/> without allocating. A lone surrogate
        /// is encoded as U+FFFD, as System.Text.Encoding.UTF8 does.
        /// </summary>
        public void AppendUtf8(string text)
        {
            if (text == null)
            {
                throw new System.ArgumentNullException("text");
            }
            int n = text.Length;
            for (int i = 0; i < n; i++)
            {
                int c = text[i];
                if (c < 0x80)
                {
                    AppendByte(c);
                }
                else if (c < 0x800)
                {
                    AppendByte(0xC0 | (c >> 6));
                    AppendByte(0x80 | (c & 0x3F));
                }
                else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF)
                {
                    int cp = 0x10000 + ((c - 0xD800) << 10) + (text[i + 1] - 0xDC00);
                    i++;
                    AppendByte(0xF0 | (cp >> 18));
                    AppendByte(0x80 | ((cp >> 12) & 0x3F));
                    AppendByte(0x80 | ((cp >> 6) & 0x3F));
                    AppendByte(0x80 | (cp & 0x3F));
                }
                else
                {
                    if (c >= 0xD800 && c <= 0xDFFF)
                    {
                        c = 0xFFFD;
                    }
                    AppendByte(0xE0 | (c >> 12));
                    AppendByte(0x80 | ((c >> 6) & 0x3F));
                    AppendByte(0x80 | (c & 0x3F));
                }
            }
        }

        /// <summary>Pads, returns the digest in a new array and resets for the next message.</summary>
        public byte[] Finish()
        {
            byte[] result = new byte[HashSize];
            Finish(result, 0);
            return result;
        }

        /// <summary>Pads, writes the digest into <paramref name="output"/> at <paramref name="offset"/> and resets.</summary>
        public void Finish(byte[] output, int offset)
        {
            if (output == null)
            {
                throw new System.ArgumentNullException("output");
            }
            if (offset < 0 || offset > output.Length - HashSize)
            {
                throw new System.ArgumentOutOfRangeException("offset");
            }

            long bits = _length << 3;
            _buffer[_buffered++] = 0x80;
            if (_buffered > BlockSize - 8)
            {
                ClearBuffer(_buffered, BlockSize);
                ProcessBlock(_buffer, 0);
                _buffered = 0;
            }
            ClearBuffer(_buffered, BlockSize - 8);
            for (int i = 0; i < 8; i++)
            {
                byte b = (byte)(bits >> (8 * i));
                _buffer[_bigEndianLength ? BlockSize - 1 - i : BlockSize - 8 + i] = b;
            }
            ProcessBlock(_buffer, 0);
            WriteDigest(output, offset);
            Reset();
        }

        /// <summary>Finish, as lowercase hexadecimal.</summary>
        public string FinishHex()
        {
            return Hex.ToLower(Finish());
        }

        /// <summary>Sets the chaining variables to the algorithm's initial values.</summary>
        protected abstract void ResetState();

        /// <summary>Compresses the 64 bytes at <paramref name="offset"/> into the chaining state.</summary>
        protected abstract void ProcessBlock(byte[] block, int offset);

        /// <summary>Writes the chaining state as the digest (HashSize bytes).</summary>
        protected abstract void WriteDigest(byte[] output, int offset);

        private void AppendByte(int value)
        {
            _buffer[_buffered++] = (byte)value;
            _length++;
            if (_buffered == BlockSize)
            {
                ProcessBlock(_buffer, 0);
                _buffered = 0;
            }
        }

        private void ClearBuffer(int from, int to)
        {
            for (int i = from; i < to; i++)
            {
                _buffer[i] = 0;
            }
        }
    }
}
