// A minimal PNG reader for the tests: checks the signature, every chunk's CRC, IHDR, and inflates IDAT.
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace DeskPhone.Hal.Simulated.Tests.Display;

/// <summary>A decoded 8-bit grayscale PNG (filter type 0 rows only, as the encoder writes).</summary>
public sealed record PngImage(int Width, int Height, byte BitDepth, byte ColourType, byte Interlace, string[] ChunkTypes, byte[] Pixels)
{
    public byte At(int x, int y) => Pixels[y * Width + x];
}

public static class PngReader
{
    private static readonly byte[] Signature = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };

    public static PngImage Read(byte[] png)
    {
        Assert.Equal(Signature, png.Take(8).ToArray());
        int at = 8;
        var types = new List<string>();
        byte[]? ihdr = null;
        using var idat = new MemoryStream();
        while (at < png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            string type = Encoding.ASCII.GetString(png, at + 4, 4);
            byte[] data = png.AsSpan(at + 8, length).ToArray();
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length));
            Assert.True(crc == Crc32(png.AsSpan(at + 4, 4 + length)), "bad CRC on chunk " + type);
            types.Add(type);
            if (type == "IHDR") ihdr = data;
            if (type == "IDAT") idat.Write(data);
            at += 12 + length;
            if (type == "IEND") break;
        }
        Assert.Equal(png.Length, at);
        Assert.NotNull(ihdr);
        Assert.Equal(13, ihdr!.Length);
        int width = BinaryPrimitives.ReadInt32BigEndian(ihdr);
        int height = BinaryPrimitives.ReadInt32BigEndian(ihdr.AsSpan(4));
        Assert.Equal(0, ihdr[10]);   // compression: deflate
        Assert.Equal(0, ihdr[11]);   // filter method 0

        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        z.CopyTo(raw);
        var rows = raw.ToArray();
        Assert.Equal(height * (width + 1), rows.Length);
        var pixels = new byte[width * height];
        for (int y = 0; y < height; y++)
        {
            Assert.Equal(0, rows[y * (width + 1)]);   // filter type None
            Array.Copy(rows, y * (width + 1) + 1, pixels, y * width, width);
        }
        return new PngImage(width, height, ihdr[8], ihdr[9], ihdr[12], types.ToArray(), pixels);
    }

    /// <summary>CRC-32 as PNG defines it (ISO 3309, reflected polynomial 0xEDB88320), written out bit by bit.</summary>
    public static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
        }
        return ~crc;
    }
}
