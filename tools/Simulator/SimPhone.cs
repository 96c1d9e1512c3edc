// One simulated phone: the firmware on the simulated HAL, from a device file.
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.Phone;
using DeskPhone.Hal;
using DeskPhone.Hal.Simulated.Audio;
using DeskPhone.Hal.Simulated.Display;
using DeskPhone.Hal.Simulated.Input;
using DeskPhone.Hal.Simulated.Lamps;
using DeskPhone.Hal.Simulated.Logging;

namespace DeskPhone.Simulator;

/// <summary>
/// A phone as the simulator runs it: the portable firmware (<see cref="Phone"/>) on its own event
/// loop, with simulated keys, lamps, OLED, codec, storage and network. Touch its state only through
/// <see cref="PhoneHost.Do{T}"/>, which runs on the phone's loop.
/// </summary>
public sealed class SimPhone
{
    /// <summary>Builds a phone from a loaded device file and board profile.</summary>
    public SimPhone(DeviceConfig config, BoardProfile board, IClock clock, INetwork network, IStorage storage, TextWriter? echo)
    {
        Config = config;
        Board = board;
        Log = new SimLog(clock, echo, "[" + config.Device.Id + "] ");
        Keys = new SimKeys();
        Lamps = new SimLamps(clock, board.LineKeys, board.LampColours == 2);
        Display = new SimDisplay(board.Width, board.Height);
        Audio = new SimAudioCodec(clock);
        Storage = storage;
        Network = network;
        Loop = new EventLoop(clock, Log);
        var hw = new PhoneHardware
        {
            Clock = clock, Keys = Keys, Lamps = Lamps, Display = Display, Audio = Audio,
            Network = network, Storage = storage, Log = Log,
        };
        Firmware = new Phone(hw, config, Loop, 0);
    }

    /// <summary>The phone's id (device.id of its file).</summary>
    public string Id => Config.Device.Id;

    /// <summary>Its configuration.</summary>
    public DeviceConfig Config { get; }

    /// <summary>Its board profile.</summary>
    public BoardProfile Board { get; }

    /// <summary>The firmware.</summary>
    public Phone Firmware { get; }

    /// <summary>Its event loop.</summary>
    public EventLoop Loop { get; }

    /// <summary>Simulated keys.</summary>
    public SimKeys Keys { get; }

    /// <summary>Simulated lamps.</summary>
    public SimLamps Lamps { get; }

    /// <summary>Simulated OLED.</summary>
    public SimDisplay Display { get; }

    /// <summary>Simulated codec.</summary>
    public SimAudioCodec Audio { get; }

    /// <summary>Storage.</summary>
    public IStorage Storage { get; }

    /// <summary>Network.</summary>
    public INetwork Network { get; }

    /// <summary>Log.</summary>
    public SimLog Log { get; }

    /// <summary>Loads a device file, reporting every error with file, line and field.</summary>
    public static DeviceConfig LoadConfig(string path)
    {
        if (!File.Exists(path)) throw new SimulatorException("device file not found: " + path);
        string text = File.ReadAllText(path);
        if (!DeviceConfigLoader.TryLoad(Path.GetFileName(path), text, out var config, out var errors))
            throw new SimulatorException("device file " + path + " has errors:\n" + errors);
        return config;
    }
}
