// The OLED as IDisplay: pages go to the controller over I2C exactly as the firmware's flusher hands them over.
using DeskPhone.Boards.RaspberryPi.Display;
using DeskPhone.Boards.RaspberryPi.Linux;
using DeskPhone.Hal;

namespace DeskPhone.Boards.RaspberryPi.Hal;

/// <summary>
/// An SSD1306 or SH1106 on I2C. The firmware's DisplayFlusher decides which pages changed; each
/// <see cref="WritePage"/> is two I2C transactions: the page's addressing commands, then its
/// <see cref="Width"/> bytes of RAM. Nothing is cached or re-sent here. Called on the event loop;
/// buffers are preallocated, so a page write does not allocate.
/// </summary>
public sealed class OledDisplay : IDisplay
{
    private readonly II2cTransport _bus;
    private readonly OledController _controller;
    private readonly ILog _log;
    private readonly byte[] _command = new byte[16];
    private readonly byte[] _data;
    private bool _failing;

    internal OledDisplay(II2cTransport bus, OledController controller, ILog log)
    {
        _bus = bus;
        _controller = controller;
        _log = log;
        _data = new byte[1 + controller.RamColumns];
    }

    /// <inheritdoc/>
    public int Width => _controller.Width;

    /// <inheritdoc/>
    public int Height => _controller.Height;

    /// <summary>The controller's name ("ssd1306", "sh1106").</summary>
    public string Controller => _controller.Name;

    /// <summary>I2C writes that failed since start.</summary>
    public int Failures { get; private set; }

    /// <summary>
    /// Sends the init sequence and clears the whole display RAM (the SH1106's 132 columns too),
    /// leaving the panel off until <see cref="SetPower"/>.
    /// </summary>
    /// <exception cref="HardwareException">The controller does not answer.</exception>
    public void Initialise()
    {
        if (!_bus.Write(OledController.CommandFrame(_controller.InitSequence())))
            throw new HardwareException($"{_bus.Name}: the {_controller.Name} display did not take its init sequence: {_bus.LastError}");
        Array.Clear(_data);
        _data[0] = OledController.DataStream;
        for (int page = 0; page < _controller.Pages; page++)
        {
            _command[0] = OledController.CommandStream;
            int n = 1 + _controller.AddressRam(_command.AsSpan(1), page, 0);
            if (!_bus.Write(_command.AsSpan(0, n)) || !_bus.Write(_data.AsSpan(0, 1 + _controller.RamColumns)))
                throw new HardwareException($"{_bus.Name}: clearing the {_controller.Name} display failed: {_bus.LastError}");
        }
    }

    /// <inheritdoc/>
    public void WritePage(int page, byte[] data, int offset)
    {
        if (page < 0 || page >= _controller.Pages) throw new ArgumentOutOfRangeException(nameof(page));
        _command[0] = OledController.CommandStream;
        int n = 1 + _controller.AddressPage(_command.AsSpan(1), page);
        _data[0] = OledController.DataStream;
        Buffer.BlockCopy(data, offset, _data, 1, Width);
        Report(_bus.Write(_command.AsSpan(0, n)) && _bus.Write(_data.AsSpan(0, 1 + Width)), "page " + page);
    }

    /// <inheritdoc/>
    public void SetContrast(int level)
    {
        _command[0] = OledController.CommandStream;
        int n = 1 + new SetContrast((byte)Math.Clamp(level, 0, 255)).EncodeTo(_command.AsSpan(1));
        Report(_bus.Write(_command.AsSpan(0, n)), "contrast");
    }

    /// <inheritdoc/>
    public void SetPower(bool on)
    {
        Report(_bus.Write(OledController.CommandFrame(on ? _controller.PowerOn() : _controller.PowerOff())), on ? "power on" : "power off");
    }

    /// <summary>Logs the first failure of a run and the recovery, not every failed page.</summary>
    private void Report(bool ok, string what)
    {
        if (ok)
        {
            if (_failing) _log.Write(LogLevel.Info, "oled", _bus.Name + ": the display answers again");
            _failing = false;
            return;
        }
        Failures++;
        if (!_failing) _log.Write(LogLevel.Error, "oled", $"{_bus.Name}: writing {what} failed: {_bus.LastError}");
        _failing = true;
    }
}
