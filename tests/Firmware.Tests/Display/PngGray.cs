// Reads the simulated panel's PNG back into pixels, so tests can look at the picture a tester would save.
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace DeskPhone.Firmware.Tests.Display;

/// <summary>A decoder for 8-bit grayscale, non-interlaced PNG (what SimDisplay.ToPng writes), all five row filters.</summary>
public static class PngGray
{
    /// <summary>Width, height and one byte a pixel, rows top to bottom.</summary>
    public static (int Width, int Height, byte[] Pixels) Decode(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        int width = 0, height = 0;
        using var idat = new MemoryStream();
        for (int at = 8; at < png.Length;)
        {
            int len = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            string type = Encoding.ASCII.GetString(png, at + 4, 4);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at + 8));
                height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at + 12));
                Assert.Equal(8, png[at + 16]);   // bit depth
                Assert.Equal(0, png[at + 17]);   // grayscale
                Assert.Equal(0, png[at + 20]);   // not interlaced
            }
            if (type == "IDAT") idat.Write(png, at + 8, len);
            at += 12 + len;
        }
        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        z.CopyTo(raw);
        byte[] r = raw.ToArray();
        var pixels = new byte[width * height];
        for (int y = 0; y < height; y++)
        {
            int filter = r[y * (width + 1)];
            for (int x = 0; x < width; x++)
            {
                int a = x > 0 ? pixels[y * width + x - 1] : 0;
                int b = y > 0 ? pixels[(y - 1) * width + x] : 0;
                int c = x > 0 && y > 0 ? pixels[(y - 1) * width + x - 1] : 0;
                int v = r[y * (width + 1) + 1 + x];
                int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
                v += filter switch { 0 => 0, 1 => a, 2 => b, 3 => (a + b) / 2, 4 => pa <= pb && pa <= pc ? a : pb <= pc ? b : c, _ => throw new InvalidDataException("filter " + filter) };
                pixels[y * width + x] = (byte)v;
            }
        }
        return (width, height, pixels);
    }
}
