// The simulated OLED: its own display RAM, filled only by page writes, as the panel's would be.
using DeskPhone.Hal;

namespace DeskPhone.Hal.Simulated.Display;

/// <summary>
/// A 128x64 panel that keeps what the firmware wrote, page by page, exactly as an SSD1306's
/// display RAM would. The PNG and text dump are made from this RAM, not from the firmware's
/// framebuffer, so a page the firmware forgot to flush shows stale, as it would on the device.
/// </summary>
public sealed class SimDisplay : IDisplay
{
    private readonly byte[] _ram;
    private readonly int[] _pageWrites;

    /// <summary>A blank, powered-off panel.</summary>
    public SimDisplay(int width = 128, int height = 64)
    {
        Width = width;
        Height = height;
        _ram = new byte[width * height / 8];
        _pageWrites = new int[height / 8];
    }

    /// <inheritdoc/>
    public int Width { get; }

    /// <inheritdoc/>
    public int Height { get; }

    /// <summary>Contrast last set (0-255).</summary>
    public int Contrast { get; private set; } = 127;

    /// <summary>True when the panel is on.</summary>
    public bool PoweredOn { get; private set; }

    /// <summary>Total page writes since start.</summary>
    public int TotalPageWrites { get { lock (_ram) return _pageWrites.Sum(); } }

    /// <summary>Page writes of page <paramref name="page"/> since start.</summary>
    public int PageWrites(int page) { lock (_ram) return _pageWrites[page]; }

    /// <inheritdoc/>
    public void WritePage(int page, byte[] data, int offset)
    {
        if (page < 0 || page >= Height / 8) throw new ArgumentOutOfRangeException(nameof(page));
        lock (_ram)
        {
            Array.Copy(data, offset, _ram, page * Width, Width);
            _pageWrites[page]++;
        }
    }

    /// <inheritdoc/>
    public void SetContrast(int level) => Contrast = Math.Clamp(level, 0, 255);

    /// <inheritdoc/>
    public void SetPower(bool on) => PoweredOn = on;

    /// <summary>True when the pixel is lit on the panel (false everywhere while it is off).</summary>
    public bool Lit(int x, int y)
    {
        if (!PoweredOn) return false;
        lock (_ram) return (_ram[(y / 8) * Width + x] & (1 << (y & 7))) != 0;
    }

    /// <summary>A copy of the panel's display RAM.</summary>
    public byte[] Snapshot() { lock (_ram) return (byte[])_ram.Clone(); }

    /// <summary>The panel as PNG: lit pixels white on black, each pixel <paramref name="scale"/>² image pixels.</summary>
    public byte[] ToPng(int scale = 1)
    {
        if (scale < 1 || scale > 16) throw new ArgumentOutOfRangeException(nameof(scale), "scale is 1 to 16");
        var gray = new byte[Width * scale * Height * scale];
        for (int y = 0; y < Height; y++)
            for (int x = 0; x < Width; x++)
                if (Lit(x, y))
                    for (int dy = 0; dy < scale; dy++)
                        for (int dx = 0; dx < scale; dx++)
                            gray[(y * scale + dy) * Width * scale + x * scale + dx] = 0xFF;
        return PngEncoder.EncodeGray(Width * scale, Height * scale, gray);
    }

    /// <summary>The panel as text art: '#' lit, '.' dark, one line per pixel row.</summary>
    public string ToAsciiArt()
    {
        var sb = new System.Text.StringBuilder();
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++) sb.Append(Lit(x, y) ? '#' : '.');
            sb.Append('\n');
        }
        return sb.ToString();
    }
}
