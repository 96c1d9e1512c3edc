// The board profile's pins and devices, turned into what the Pi HAL classes take.
using DeskPhone.Boards.RaspberryPi.Hal;
using DeskPhone.Firmware.Config.Board;
using DeskPhone.Hal;

namespace DeskPhone.Boards.RaspberryPi;

/// <summary>Reads a loaded <see cref="BoardProfile"/> into key lines, lamp lines and device names.</summary>
internal static class BoardWiring
{
    /// <summary>Every key of the profile as an input line.</summary>
    public static KeyLine[] Keys(BoardProfile board) =>
        (board.Keys ?? []).Select(k => new KeyLine(k.Pin, k.KeyCode, k.ActiveLow)).ToArray();

    /// <summary>
    /// The lamps of the line keys (lamp i = line key i + 1). A lamp on another key has no place in
    /// ILamps (it only indexes line keys): it is reported in <paramref name="skipped"/>.
    /// </summary>
    public static LampLine[] Lamps(BoardProfile board, out string[] skipped)
    {
        var lamps = new List<LampLine>();
        var left = new List<string>();
        foreach (var l in board.Lamps ?? [])
        {
            if (!KeyCodes.IsLine(l.KeyCode) || KeyCodes.LineNumber(l.KeyCode) > board.LineKeys)
            {
                left.Add(KeyCodes.Name(l.KeyCode));
                continue;
            }
            lamps.Add(new LampLine(KeyCodes.LineNumber(l.KeyCode) - 1, l.Pin, l.Green, l.Red, l.ActiveLow));
        }
        skipped = left.ToArray();
        return lamps.ToArray();
    }

    /// <summary>The ALSA device for both directions.</summary>
    public static string AlsaDevice(BoardProfile board) =>
        string.IsNullOrEmpty(board.Codec?.AlsaDevice) ? "default" : board.Codec.AlsaDevice;

    /// <summary>The card id in an ALSA device name ("hw:CARD=wm8960soundcard,DEV=0" → "wm8960soundcard"), or null.</summary>
    public static string? AlsaCard(string device)
    {
        int at = device.IndexOf("CARD=", StringComparison.Ordinal);
        if (at < 0) return null;
        int end = device.IndexOf(',', at);
        return end < 0 ? device[(at + 5)..] : device[(at + 5)..end];
    }

    /// <summary>What to put in config.txt for a codec chip, for messages.</summary>
    public static string OverlayHint(string? chip) => chip switch
    {
        "wm8960" => "dtoverlay=wm8960-soundcard",
        "pcm5102" => "dtoverlay=googlevoicehat-soundcard (DAC + I2S mic) or dtoverlay=hifiberry-dac (DAC only)",
        "es8388" or "ac101" => "the codec HAT's dtoverlay (see its vendor's instructions)",
        _ => "the codec's dtoverlay",
    };
}
