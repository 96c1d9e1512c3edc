// Draws a display dump in a terminal with half-block characters: two pixel rows per text row.
using System.Text;

namespace DeskPhone.Simulator;

/// <summary>Terminal rendering of the OLED.</summary>
public static class ScreenArt
{
    /// <summary>Turns '#'/'.' art (one line per pixel row) into a framed picture of half blocks.</summary>
    public static string Blocks(string art)
    {
        var rows = art.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        int width = rows.Length == 0 ? 0 : rows[0].Length;
        var sb = new StringBuilder();
        sb.Append('+').Append('-', width).Append("+\n");
        for (int y = 0; y < rows.Length; y += 2)
        {
            sb.Append('|');
            for (int x = 0; x < width; x++)
            {
                bool top = rows[y][x] == '#';
                bool bottom = y + 1 < rows.Length && rows[y + 1][x] == '#';
                sb.Append(top && bottom ? '█' : top ? '▀' : bottom ? '▄' : ' ');
            }
            sb.Append("|\n");
        }
        sb.Append('+').Append('-', width).Append("+\n");
        return sb.ToString();
    }
}
