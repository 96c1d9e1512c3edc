// SSD1306 / SH1106 commands as small wire units: each one knows its bytes (datasheet command tables).
namespace DeskPhone.Boards.RaspberryPi.Display;

/// <summary>One controller command: its opcode and argument bytes, as the datasheet's command table gives them.</summary>
internal interface IOledCommand
{
    /// <summary>How many bytes <see cref="EncodeTo"/> writes.</summary>
    int Length { get; }

    /// <summary>Writes the command bytes to <paramref name="dest"/>; returns <see cref="Length"/>.</summary>
    int EncodeTo(Span<byte> dest);
}

/// <summary>AEh / AFh: display off (sleep) or on. Both controllers.</summary>
internal readonly record struct SetDisplayOn(bool On) : IOledCommand
{
    public int Length => 1;
    public int EncodeTo(Span<byte> d) { d[0] = On ? (byte)0xAF : (byte)0xAE; return 1; }
}

/// <summary>81h, level: contrast 0-255. Both controllers.</summary>
internal readonly record struct SetContrast(byte Level) : IOledCommand
{
    public int Length => 2;
    public int EncodeTo(Span<byte> d) { d[0] = 0x81; d[1] = Level; return 2; }
}

/// <summary>A4h / A5h: show RAM, or light every pixel (a panel test). Both controllers.</summary>
internal readonly record struct SetEntireDisplayOn(bool IgnoreRam) : IOledCommand
{
    public int Length => 1;
    public int EncodeTo(Span<byte> d) { d[0] = IgnoreRam ? (byte)0xA5 : (byte)0xA4; return 1; }
}

/// <summary>A6h / A7h: normal (1 = lit) or inverse display. Both controllers.</summary>
internal readonly record struct SetInverse(bool Inverse) : IOledCommand
{
    public int Length => 1;
    public int EncodeTo(Span<byte> d) { d[0] = Inverse ? (byte)0xA7 : (byte)0xA6; return 1; }
}

/// <summary>40h-7Fh: the RAM row shown on the panel's top line (0-63). Both controllers.</summary>
internal readonly record struct SetDisplayStartLine(int Line) : IOledCommand
{
    public int Length => 1;
    public int EncodeTo(Span<byte> d) { d[0] = (byte)(0x40 | Check.Range(Line, 0, 63, nameof(Line))); return 1; }
}

/// <summary>A0h / A1h: column 0 drives SEG0 (normal) or the last segment (remapped: mirrored left-right). Both controllers.</summary>
internal readonly record struct SetSegmentRemap(bool Remapped) : IOledCommand
{
    public int Length => 1;
    public int EncodeTo(Span<byte> d) { d[0] = Remapped ? (byte)0xA1 : (byte)0xA0; return 1; }
}

/// <summary>C0h / C8h: COM scan from COM0 up (normal) or from COM[N-1] down (remapped: mirrored top-bottom). Both controllers.</summary>
internal readonly record struct SetComScanDirection(bool Remapped) : IOledCommand
{
    public int Length => 1;
    public int EncodeTo(Span<byte> d) { d[0] = Remapped ? (byte)0xC8 : (byte)0xC0; return 1; }
}

/// <summary>A8h, rows-1: multiplex ratio, the number of panel rows driven (16-64). Both controllers.</summary>
internal readonly record struct SetMultiplexRatio(int Rows) : IOledCommand
{
    public int Length => 2;
    public int EncodeTo(Span<byte> d) { d[0] = 0xA8; d[1] = (byte)(Check.Range(Rows, 16, 64, nameof(Rows)) - 1); return 2; }
}

/// <summary>D3h, offset: vertical shift of the COM lines (0-63). Both controllers.</summary>
internal readonly record struct SetDisplayOffset(int Rows) : IOledCommand
{
    public int Length => 2;
    public int EncodeTo(Span<byte> d) { d[0] = 0xD3; d[1] = (byte)Check.Range(Rows, 0, 63, nameof(Rows)); return 2; }
}

/// <summary>
/// DAh, 02h | alternative &lt;&lt; 4 | leftRightRemap &lt;&lt; 5: COM pins hardware configuration. 128x64
/// modules wire the alternative layout (12h), 128x32 modules the sequential one (02h). Both controllers.
/// </summary>
internal readonly record struct SetComPinsConfiguration(bool Alternative, bool LeftRightRemap) : IOledCommand
{
    public int Length => 2;
    public int EncodeTo(Span<byte> d)
    {
        d[0] = 0xDA;
        d[1] = (byte)(0x02 | (Alternative ? 0x10 : 0) | (LeftRightRemap ? 0x20 : 0));
        return 2;
    }
}

/// <summary>D5h, oscillator &lt;&lt; 4 | (divide - 1): display clock (divide 1-16, oscillator setting 0-15). Both controllers.</summary>
internal readonly record struct SetDisplayClock(int Divide, int Oscillator) : IOledCommand
{
    public int Length => 2;
    public int EncodeTo(Span<byte> d)
    {
        d[0] = 0xD5;
        d[1] = (byte)((Check.Range(Oscillator, 0, 15, nameof(Oscillator)) << 4) | (Check.Range(Divide, 1, 16, nameof(Divide)) - 1));
        return 2;
    }
}

/// <summary>D9h, phase2 &lt;&lt; 4 | phase1: pre-charge (phase 2) and discharge (phase 1) periods in clocks, 1-15 each. Both controllers.</summary>
internal readonly record struct SetPrechargePeriod(int Phase1, int Phase2) : IOledCommand
{
    public int Length => 2;
    public int EncodeTo(Span<byte> d)
    {
        d[0] = 0xD9;
        d[1] = (byte)((Check.Range(Phase2, 1, 15, nameof(Phase2)) << 4) | Check.Range(Phase1, 1, 15, nameof(Phase1)));
        return 2;
    }
}

/// <summary>DBh, level: VCOM deselect level (SSD1306: 00h/20h/30h; SH1106: 00h-FFh, 35h after reset).</summary>
internal readonly record struct SetVcomDeselectLevel(byte Level) : IOledCommand
{
    public int Length => 2;
    public int EncodeTo(Span<byte> d) { d[0] = 0xDB; d[1] = Level; return 2; }
}

/// <summary>B0h-B7h: the page that page-addressing writes go to. Both controllers (the SH1106's only way).</summary>
internal readonly record struct SetPageStart(int Page) : IOledCommand
{
    public int Length => 1;
    public int EncodeTo(Span<byte> d) { d[0] = (byte)(0xB0 | Check.Range(Page, 0, 7, nameof(Page))); return 1; }
}

/// <summary>
/// 00h-0Fh then 10h-1Fh: the column that page-addressing writes start at, low nibble then high
/// nibble. SSD1306 columns are 0-127; the SH1106's RAM is 132 wide, so up to 131.
/// </summary>
internal readonly record struct SetColumnStart(int Column) : IOledCommand
{
    public int Length => 2;
    public int EncodeTo(Span<byte> d)
    {
        Check.Range(Column, 0, 131, nameof(Column));
        d[0] = (byte)(0x00 | (Column & 0x0F));
        d[1] = (byte)(0x10 | (Column >> 4));
        return 2;
    }
}

/// <summary>The SSD1306's RAM addressing modes (20h).</summary>
internal enum AddressingMode : byte
{
    Horizontal = 0x00,
    Vertical = 0x01,
    Page = 0x02,
}

/// <summary>20h, mode: horizontal, vertical or page addressing. SSD1306 only (the SH1106 has page addressing alone).</summary>
internal readonly record struct SetMemoryAddressingMode(AddressingMode Mode) : IOledCommand
{
    public int Length => 2;
    public int EncodeTo(Span<byte> d) { d[0] = 0x20; d[1] = (byte)Mode; return 2; }
}

/// <summary>21h, start, end: the column window for horizontal/vertical addressing (0-127). SSD1306 only.</summary>
internal readonly record struct SetColumnAddress(int Start, int End) : IOledCommand
{
    public int Length => 3;
    public int EncodeTo(Span<byte> d)
    {
        d[0] = 0x21;
        d[1] = (byte)Check.Range(Start, 0, 127, nameof(Start));
        d[2] = (byte)Check.Range(End, Start, 127, nameof(End));
        return 3;
    }
}

/// <summary>22h, start, end: the page window for horizontal/vertical addressing (0-7). SSD1306 only.</summary>
internal readonly record struct SetPageAddress(int Start, int End) : IOledCommand
{
    public int Length => 3;
    public int EncodeTo(Span<byte> d)
    {
        d[0] = 0x22;
        d[1] = (byte)Check.Range(Start, 0, 7, nameof(Start));
        d[2] = (byte)Check.Range(End, Start, 7, nameof(End));
        return 3;
    }
}

/// <summary>8Dh, 14h / 10h: the internal charge pump on or off (SSD1306 application note). SSD1306 only.</summary>
internal readonly record struct SetChargePump(bool On) : IOledCommand
{
    public int Length => 2;
    public int EncodeTo(Span<byte> d) { d[0] = 0x8D; d[1] = On ? (byte)0x14 : (byte)0x10; return 2; }
}

/// <summary>2Eh: stop any scrolling (RAM writes during a scroll may corrupt it). SSD1306 only.</summary>
internal readonly record struct DeactivateScroll : IOledCommand
{
    public int Length => 1;
    public int EncodeTo(Span<byte> d) { d[0] = 0x2E; return 1; }
}

/// <summary>ADh, 8Bh / 8Ah: the built-in DC-DC converter on or off (on while the panel is lit). SH1106 only.</summary>
internal readonly record struct SetDcDc(bool On) : IOledCommand
{
    public int Length => 2;
    public int EncodeTo(Span<byte> d) { d[0] = 0xAD; d[1] = On ? (byte)0x8B : (byte)0x8A; return 2; }
}

/// <summary>30h-33h: DC-DC output 7.4, 8.0 (after reset), 8.4 or 9.0 V. SH1106 only.</summary>
internal readonly record struct SetPumpVoltage(int Setting) : IOledCommand
{
    public int Length => 1;
    public int EncodeTo(Span<byte> d) { d[0] = (byte)(0x30 | Check.Range(Setting, 0, 3, nameof(Setting))); return 1; }
}

/// <summary>Argument range checks shared by the commands: a bad argument is a bug, not a runtime condition.</summary>
internal static class Check
{
    public static int Range(int value, int min, int max, string name) =>
        value < min || value > max ? throw new ArgumentOutOfRangeException(name, value, $"{name} is {min}..{max}") : value;
}
