// Lowercase hexadecimal text for digests (RFC 7616 §3.4.1: "response" is lowercase hex).
namespace DeskPhone.Firmware.Crypto
{
    /// <summary>Bytes to lowercase hexadecimal, two digits per byte.</summary>
    public static class Hex
    {
        private const string Digits = "0123456789abcdef";

        /// <summary>All of <paramref name="data"/> as lowercase hex ("" for an empty array).</summary>
        public static string ToLower(byte[] data)
        {
            if (data == null)
            {
                throw new System.ArgumentNullException("data");
            }
            return ToLower(data, 0, data.Length);
        }

        /// <summary><paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/> as lowercase hex.</summary>
        public static string ToLower(byte[] data, int offset, int count)
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
            char[] text = new char[count * 2];
            for (int i = 0; i < count; i++)
            {
                int b = data[offset + i];
                text[2 * i] = Digits[b >> 4];
                text[2 * i + 1] = Digits[b & 15];
            }
            return new string(text);
        }
    }
}
