// What differs between SSD1306 and SH1106: init sequence, how a page is addressed, power on/off.
namespace DeskPhone.Boards.RaspberryPi.Display;

/// <summary>
/// A controller's command set for a panel of <see cref="Width"/> x <see cref="Height"/>. Chosen by
/// the board profile's display.controller; everything else in the driver is shared.
/// </summary>
internal abstract class OledController
{
    /// <summary>I2C control byte before a run of command bytes (Co = 0, D/C# = 0).</summary>
    public const byte CommandStream = 0x00;

    /// <summary>I2C control byte before a run of display RAM bytes (Co = 0, D/C# = 1).</summary>
    public const byte DataStream = 0x40;

    protected OledController(int width, int height)
    {
        if (width != 128) throw new ArgumentOutOfRangeException(nameof(width), "the panels are 128 pixels wide");
        if (height != 32 && height != 64) throw new ArgumentOutOfRangeException(nameof(height), "the panels are 32 or 64 pixels high");
        Width = width;
        Height = height;
    }

    /// <summary>The controller's name in board profiles.</summary>
    public abstract string Name { get; }

    /// <summary>Visible columns.</summary>
    public int Width { get; }

    /// <summary>Visible rows.</summary>
    public int Height { get; }

    /// <summary>8-row pages.</summary>
    public int Pages => Height / 8;

    /// <summary>Columns of display RAM (the SH1106 has 132 for a 128-column glass).</summary>
    public abstract int RamColumns { get; }

    /// <summary>The RAM column shown at the glass's column 0.</summary>
    public int ColumnOffset => (RamColumns - Width) / 2;

    /// <summary>
    /// After reset: everything configured, the panel still off (RAM is cleared next). First the core
    /// commands both controllers take, in the SSD1306 datasheet's order, with the controller's own
    /// contrast and clock; then <see cref="ControllerSetup"/>.
    /// </summary>
    public IOledCommand[] InitSequence() =>
    [
        new SetDisplayOn(false),
        new SetMultiplexRatio(Height),
        new SetDisplayOffset(0),
        new SetDisplayStartLine(0),
        new SetSegmentRemap(true),
        new SetComScanDirection(true),
        new SetComPinsConfiguration(Alternative: Height == 64, LeftRightRemap: false),
        new SetContrast(Contrast),
        new SetEntireDisplayOn(false),
        new SetInverse(false),
        new SetDisplayClock(Divide: 1, Oscillator: Oscillator),
        .. ControllerSetup(),
    ];

    /// <summary>The contrast set at init: the controller's reset value.</summary>
    protected abstract byte Contrast { get; }

    /// <summary>The display clock's oscillator setting at init: the controller's reset value.</summary>
    protected abstract int Oscillator { get; }

    /// <summary>The init commands after the shared core: power supply, pre-charge, VCOM, addressing.</summary>
    protected abstract IOledCommand[] ControllerSetup();

    /// <summary>Commands that point RAM writes at page <paramref name="page"/>, visible column 0; returns bytes written.</summary>
    public int AddressPage(Span<byte> dest, int page) => AddressRam(dest, page, ColumnOffset);

    /// <summary>Commands that point RAM writes at <paramref name="page"/>, RAM column <paramref name="column"/>; returns bytes written.</summary>
    public abstract int AddressRam(Span<byte> dest, int page, int column);

    /// <summary>Commands that light the panel.</summary>
    public abstract IOledCommand[] PowerOn();

    /// <summary>Commands that put the panel to sleep (RAM is kept).</summary>
    public IOledCommand[] PowerOff() => [new SetDisplayOn(false)];

    /// <summary>The controller called <paramref name="name"/> ("ssd1306" or "sh1106").</summary>
    public static OledController For(string name, int width, int height) => name switch
    {
        "ssd1306" => new Ssd1306Controller(width, height),
        "sh1106" => new Sh1106Controller(width, height),
        _ => throw new ArgumentException($"display controller '{name}' is not ssd1306 or sh1106", nameof(name)),
    };

    /// <summary>Encodes <paramref name="commands"/> after a command-stream control byte; returns the frame.</summary>
    public static byte[] CommandFrame(params IOledCommand[] commands)
    {
        var frame = new byte[1 + commands.Sum(c => c.Length)];
        frame[0] = CommandStream;
        int at = 1;
        foreach (var c in commands) at += c.EncodeTo(frame.AsSpan(at));
        return frame;
    }
}

/// <summary>
/// SSD1306: the datasheet's software initialisation flow (mux, offset, start line, remap, COM scan,
/// COM pins, contrast, A4, A6, clock: the shared core; then the charge pump) plus horizontal addressing,
/// the pre-charge the charge pump wants (F1h) and scrolling off. A page is addressed with a column and page window.
/// </summary>
internal sealed class Ssd1306Controller(int width, int height) : OledController(width, height)
{
    /// <inheritdoc/>
    public override string Name => "ssd1306";

    /// <inheritdoc/>
    public override int RamColumns => 128;

    /// <inheritdoc/>
    protected override byte Contrast => 0x7F;

    /// <inheritdoc/>
    protected override int Oscillator => 8;

    /// <inheritdoc/>
    protected override IOledCommand[] ControllerSetup() =>
    [
        new SetChargePump(true),
        new SetMemoryAddressingMode(AddressingMode.Horizontal),
        new SetPrechargePeriod(Phase1: 1, Phase2: 15),
        new SetVcomDeselectLevel(0x20),
        new DeactivateScroll(),
    ];

    /// <inheritdoc/>
    public override int AddressRam(Span<byte> dest, int page, int column)
    {
        int n = new SetColumnAddress(column, RamColumns - 1).EncodeTo(dest);
        return n + new SetPageAddress(page, page).EncodeTo(dest[n..]);
    }

    /// <inheritdoc/>
    public override IOledCommand[] PowerOn() => [new SetChargePump(true), new SetDisplayOn(true)];
}

/// <summary>
/// SH1106: the same core commands with the SH1106's reset values for clock (50h), pre-charge (22h)
/// and VCOM (35h), its DC-DC converter (ADh) and pump voltage (32h). It has no horizontal addressing,
/// so a page is addressed as page + column, the column offset by 2 into its 132-column RAM.
/// </summary>
internal sealed class Sh1106Controller(int width, int height) : OledController(width, height)
{
    /// <inheritdoc/>
    public override string Name => "sh1106";

    /// <inheritdoc/>
    public override int RamColumns => 132;

    /// <inheritdoc/>
    protected override byte Contrast => 0x80;

    /// <inheritdoc/>
    protected override int Oscillator => 5;

    /// <inheritdoc/>
    protected override IOledCommand[] ControllerSetup() =>
    [
        new SetDcDc(true),
        new SetPumpVoltage(2),
        new SetPrechargePeriod(Phase1: 2, Phase2: 2),
        new SetVcomDeselectLevel(0x35),
    ];

    /// <inheritdoc/>
    public override int AddressRam(Span<byte> dest, int page, int column)
    {
        int n = new SetPageStart(page).EncodeTo(dest);
        return n + new SetColumnStart(column).EncodeTo(dest[n..]);
    }

    /// <inheritdoc/>
    public override IOledCommand[] PowerOn() => [new SetDcDc(true), new SetDisplayOn(true)];
}
