// One phone on Raspberry Pi hardware: the board profile's devices opened and handed to the firmware.
using DeskPhone.Boards.RaspberryPi.Display;
using DeskPhone.Boards.RaspberryPi.Hal;
using DeskPhone.Boards.RaspberryPi.Linux;
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Config.Board;
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.Phone;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Network;
using DeskPhone.Hal.Simulated.Storage;
using DeskPhone.Hal.Simulated.Time;

namespace DeskPhone.Boards.RaspberryPi;

/// <summary>
/// The firmware (<see cref="Phone"/>) composed as the simulator composes it, on real parts: GPIO
/// keys and lamps, the I2C OLED, the ALSA codec, real sockets, a state directory, the system
/// clock, the journal. <see cref="Run"/> runs the event loop on the calling thread until <see cref="Stop"/>.
/// </summary>
internal sealed class PiPhone : IDisposable
{
    private readonly List<IDisposable> _owned;
    private readonly GpioLamps? _lamps;
    private readonly OledDisplay? _display;
    private readonly AlsaAudioCodec? _audio;

    private PiPhone(List<IDisposable> owned, EventLoop loop, Phone phone, GpioLamps? lamps, OledDisplay? display, AlsaAudioCodec? audio)
    {
        _owned = owned;
        Loop = loop;
        Firmware = phone;
        _lamps = lamps;
        _display = display;
        _audio = audio;
    }

    /// <summary>The event loop.</summary>
    public EventLoop Loop { get; }

    /// <summary>The firmware.</summary>
    public Phone Firmware { get; }

    /// <summary>
    /// Opens every device of <paramref name="board"/>. With <paramref name="checkOnly"/> the devices
    /// are opened, tested and closed again, and no phone is built (returns null).
    /// </summary>
    /// <exception cref="HardwareException">What is missing or refusing, and what to do about it.</exception>
    public static PiPhone? Open(DeviceConfig config, BoardProfile board, string stateDirectory, string? address, ILog log, bool checkOnly = false)
    {
        string[] problems = Preflight.Check(board);
        if (problems.Length > 0) throw new HardwareException(string.Join("\n", problems));
        var owned = new List<IDisposable>();
        try
        {
            var chip = GpioChip.Open(string.IsNullOrEmpty(board.GpioChip) ? "/dev/gpiochip0" : board.GpioChip);
            owned.Add(chip);
            log.Write(LogLevel.Info, "board", $"{chip.Path}: {chip.Name} '{chip.Label}', {chip.Lines} lines");

            KeyLine[] keyLines = BoardWiring.Keys(board);
            if (keyLines.Length == 0) throw new HardwareException($"board profile {board.Name}: no keys (a phone needs the hookswitch at least)");
            var keys = new GpioKeyInput(GpioKeyInput.Request(chip, keyLines), keyLines, log);
            owned.Add(keys);

            LampLine[] lampLines = BoardWiring.Lamps(board, out string[] skipped);
            foreach (string key in skipped) log.Write(LogLevel.Warning, "board", $"the lamp of key '{key}' is not a line key's: not driven");
            var lamps = new GpioLamps(lampLines.Length == 0 ? null : GpioLamps.Request(chip, lampLines), board.LineKeys, lampLines, board.LampColours == 2);
            owned.Add(lamps);

            IGpioLines? amplifier = null;
            if (board.Codec != null && board.Codec.PaEnablePin >= 0)
            {
                amplifier = chip.Request([board.Codec.PaEnablePin], "deskphone amplifier", GpioLineFlags.Output,
                    [new GpioLineAttribute(GpioAttributeId.OutputValues, 0, 1)]);
                owned.Add(amplifier);
            }

            var i2c = I2cDevice.Open(board.Display.I2cBus, board.Display.I2cAddress);
            owned.Add(i2c);
            var display = new OledDisplay(i2c, OledController.For(board.Display.Controller, board.Display.Width, board.Display.Height), log);
            display.Initialise();
            log.Write(LogLevel.Info, "board", $"{i2c.Name}: {display.Controller} {display.Width}x{display.Height}");

            string alsa = BoardWiring.AlsaDevice(board);
            PcmFramePump.Open(alsa, alsa, 8000, static (_, _) => { }).Dispose();   // fail now, not at the first call
            var audio = new AlsaAudioCodec(alsa, alsa, log, amplifier);
            if (amplifier != null) owned.Remove(amplifier);   // the codec owns it now
            owned.Add(audio);
            log.Write(LogLevel.Info, "board", $"ALSA '{alsa}': capture and playback open at 8 kHz");

            if (checkOnly)
            {
                Release(owned);
                return null;
            }

            string local = LocalAddress.Choose(config, address)
                ?? throw new HardwareException("no network address yet — is the network up? (ip -4 addr); --address sets one");
            var network = new SocketNetwork(local);
            owned.Add(network);
            var clock = new SystemClock();
            var storage = new DirectoryStorage(stateDirectory);
            var loop = new EventLoop(clock, log);
            var hw = new PhoneHardware
            {
                Clock = clock, Keys = keys, Lamps = lamps, Display = display, Audio = audio,
                Network = network, Storage = storage, Log = log,
            };
            var phone = new Phone(hw, config, loop);
            log.Write(LogLevel.Info, "board", $"SIP and RTP on {local}; state in {Path.GetFullPath(stateDirectory)}");
            return new PiPhone(owned, loop, phone, lamps, display, audio);
        }
        catch
        {
            Release(owned);
            throw;
        }
    }

    /// <summary>Boots the firmware and runs its loop here until <see cref="Stop"/>.</summary>
    public void Run()
    {
        Loop.Post(Firmware.Boot);
        Loop.Run();
    }

    /// <summary>Makes <see cref="Run"/> return. Safe from any thread (a signal handler).</summary>
    public void Stop() => Loop.Stop();

    /// <summary>Audio off, lamps off, panel dark, every device closed.</summary>
    public void Dispose()
    {
        _audio?.Stop();
        try { _lamps?.AllOff(); } catch (HardwareException) { }
        _display?.SetPower(false);
        Release(_owned);
    }

    private static void Release(List<IDisposable> owned)
    {
        for (int i = owned.Count - 1; i >= 0; i--) owned[i].Dispose();
        owned.Clear();
    }
}
