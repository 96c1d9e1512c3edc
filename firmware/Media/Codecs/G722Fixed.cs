// The 16-bit saturating operations G.722's block descriptions are written in.
namespace DeskPhone.Firmware.Media.Codecs
{
    /// <summary>
    /// 16-bit fixed-point arithmetic as the G.722 reference defines it: additions saturate to
    /// [−32768, 32767], products are (a·b) >> 15 with floor rounding. Values are carried in
    /// <see cref="int"/> but always stay in 16-bit range.
    /// </summary>
    internal static class G722Fixed
    {
        /// <summary>Clamps to the 16-bit range.</summary>
        internal static int Saturate(int x)
        {
            if (x > 32767) return 32767;
            if (x < -32768) return -32768;
            return x;
        }

        /// <summary>Saturating a + b.</summary>
        internal static int Add(int a, int b) { return Saturate(a + b); }

        /// <summary>Saturating a − b.</summary>
        internal static int Sub(int a, int b) { return Saturate(a - b); }

        /// <summary>(a·b) >> 15, saturated (only −1 × −1 overflows).</summary>
        internal static int Mult(int a, int b) { return Saturate((a * b) >> 15); }

        /// <summary>Clamps a sub-band signal to 15 bits, [−16384, 16383] (LIMIT).</summary>
        internal static int Limit(int x)
        {
            if (x > 16383) return 16383;
            if (x < -16384) return -16384;
            return x;
        }
    }
}
