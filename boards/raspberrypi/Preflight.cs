// Before opening anything: are the device nodes the board profile names there? Every problem at once.
using DeskPhone.Boards.RaspberryPi.Linux;
using DeskPhone.Firmware.Config.Board;

namespace DeskPhone.Boards.RaspberryPi;

/// <summary>
/// Checks that the GPIO chip, the I2C bus and the ALSA card of a board profile exist, and says for
/// each missing one what to change. The open calls after it report finer problems (permissions,
/// busy pins, a display that does not answer).
/// </summary>
internal static class Preflight
{
    /// <summary>
    /// The problems found; empty when every node is there. <paramref name="root"/> prefixes every
    /// path looked at (tests point it at an empty directory); messages show the real paths.
    /// </summary>
    public static string[] Check(BoardProfile board, string root = "")
    {
        var problems = new List<string>();
        string chip = string.IsNullOrEmpty(board.GpioChip) ? "/dev/gpiochip0" : board.GpioChip;
        if (!File.Exists(root + chip))
            problems.Add($"{chip}: no such device — check gpio.chip in the board profile (ls /dev/gpiochip*; on a Pi 5 with an older kernel the header pins are on /dev/gpiochip4)");
        if (board.Display != null)
        {
            string bus = I2cDevice.BusPath(board.Display.I2cBus);
            if (!File.Exists(root + bus))
                problems.Add(board.Display.I2cBus == 1
                    ? $"{bus}: no such device — enable I2C with raspi-config (Interface Options → I2C) or dtparam=i2c_arm=on in /boot/firmware/config.txt, then reboot"
                    : $"{bus}: no such device — check display.i2cBus in the board profile (ls /dev/i2c-*)");
        }
        string device = BoardWiring.AlsaDevice(board);
        string? card = BoardWiring.AlsaCard(device);
        // /proc/asound/<id> is a link to the card's directory, there while the card is.
        if (card != null && !Directory.Exists(root + "/proc/asound/" + card))
            problems.Add($"ALSA card '{card}' (codec.alsaDevice \"{device}\"): not present — add {BoardWiring.OverlayHint(board.Codec?.Chip)} to /boot/firmware/config.txt and reboot; 'cat /proc/asound/cards' lists the cards there are");
        return problems.ToArray();
    }
}
