// Every SSD1306/SH1106 command unit against the bytes of the controllers' command tables.
using DeskPhone.Boards.RaspberryPi.Display;

namespace DeskPhone.Boards.RaspberryPi.Tests.Display;

public sealed class Ssd13xxCommandTests
{
    private static string Hex(IOledCommand c)
    {
        var bytes = new byte[c.Length];
        Assert.Equal(c.Length, c.EncodeTo(bytes));
        return Convert.ToHexString(bytes);
    }

    private static readonly (string Name, IOledCommand Command, string Bytes)[] Table =
    [
        ("SetDisplayOn off", new SetDisplayOn(false), "AE"),
        ("SetDisplayOn on", new SetDisplayOn(true), "AF"),
        ("SetContrast 0", new SetContrast(0), "8100"),
        ("SetContrast 207", new SetContrast(0xCF), "81CF"),
        ("SetContrast 255", new SetContrast(0xFF), "81FF"),
        ("SetEntireDisplayOn RAM", new SetEntireDisplayOn(false), "A4"),
        ("SetEntireDisplayOn all", new SetEntireDisplayOn(true), "A5"),
        ("SetInverse normal", new SetInverse(false), "A6"),
        ("SetInverse inverse", new SetInverse(true), "A7"),
        ("SetDisplayStartLine 0", new SetDisplayStartLine(0), "40"),
        ("SetDisplayStartLine 63", new SetDisplayStartLine(63), "7F"),
        ("SetSegmentRemap normal", new SetSegmentRemap(false), "A0"),
        ("SetSegmentRemap remapped", new SetSegmentRemap(true), "A1"),
        ("SetComScanDirection normal", new SetComScanDirection(false), "C0"),
        ("SetComScanDirection remapped", new SetComScanDirection(true), "C8"),
        ("SetMultiplexRatio 64", new SetMultiplexRatio(64), "A83F"),
        ("SetMultiplexRatio 32", new SetMultiplexRatio(32), "A81F"),
        ("SetDisplayOffset 0", new SetDisplayOffset(0), "D300"),
        ("SetDisplayOffset 32", new SetDisplayOffset(32), "D320"),
        ("SetComPinsConfiguration 128x64", new SetComPinsConfiguration(true, false), "DA12"),
        ("SetComPinsConfiguration 128x32", new SetComPinsConfiguration(false, false), "DA02"),
        ("SetComPinsConfiguration remapped", new SetComPinsConfiguration(true, true), "DA32"),
        ("SetDisplayClock SSD1306 reset", new SetDisplayClock(1, 8), "D580"),
        ("SetDisplayClock SH1106 reset", new SetDisplayClock(1, 5), "D550"),
        ("SetDisplayClock divide 16", new SetDisplayClock(16, 15), "D5FF"),
        ("SetPrechargePeriod charge pump", new SetPrechargePeriod(1, 15), "D9F1"),
        ("SetPrechargePeriod reset", new SetPrechargePeriod(2, 2), "D922"),
        ("SetVcomDeselectLevel 0.77 Vcc", new SetVcomDeselectLevel(0x20), "DB20"),
        ("SetVcomDeselectLevel SH1106 reset", new SetVcomDeselectLevel(0x35), "DB35"),
        ("SetPageStart 0", new SetPageStart(0), "B0"),
        ("SetPageStart 7", new SetPageStart(7), "B7"),
        ("SetColumnStart 0", new SetColumnStart(0), "0010"),
        ("SetColumnStart 2 (SH1106 offset)", new SetColumnStart(2), "0210"),
        ("SetColumnStart 127", new SetColumnStart(127), "0F17"),
        ("SetColumnStart 131", new SetColumnStart(131), "0318"),
        ("SetMemoryAddressingMode horizontal", new SetMemoryAddressingMode(AddressingMode.Horizontal), "2000"),
        ("SetMemoryAddressingMode vertical", new SetMemoryAddressingMode(AddressingMode.Vertical), "2001"),
        ("SetMemoryAddressingMode page", new SetMemoryAddressingMode(AddressingMode.Page), "2002"),
        ("SetColumnAddress full", new SetColumnAddress(0, 127), "21007F"),
        ("SetPageAddress page 3", new SetPageAddress(3, 3), "220303"),
        ("SetPageAddress all", new SetPageAddress(0, 7), "220007"),
        ("SetChargePump on", new SetChargePump(true), "8D14"),
        ("SetChargePump off", new SetChargePump(false), "8D10"),
        ("DeactivateScroll", new DeactivateScroll(), "2E"),
        ("SetDcDc on", new SetDcDc(true), "AD8B"),
        ("SetDcDc off", new SetDcDc(false), "AD8A"),
        ("SetPumpVoltage 7.4 V", new SetPumpVoltage(0), "30"),
        ("SetPumpVoltage 8.0 V", new SetPumpVoltage(2), "32"),
        ("SetPumpVoltage 9.0 V", new SetPumpVoltage(3), "33"),
    ];

    public static TheoryData<string> Commands() => new(Table.Select(t => t.Name));

    [Theory]
    [MemberData(nameof(Commands))]
    public void Command_encodes_to_its_datasheet_bytes(string command)
    {
        var (_, encoder, bytes) = Table.Single(t => t.Name == command);
        Assert.Equal(bytes, Hex(encoder));
    }

    [Fact]
    public void Arguments_outside_the_command_table_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Hex(new SetDisplayStartLine(64)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Hex(new SetMultiplexRatio(15)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Hex(new SetPageStart(8)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Hex(new SetColumnStart(132)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Hex(new SetColumnAddress(10, 5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Hex(new SetPrechargePeriod(0, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Hex(new SetPumpVoltage(4)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Hex(new SetDisplayClock(17, 0)));
    }

    [Fact]
    public void Ssd1306_init_sequence_is_the_datasheet_flow_with_charge_pump_and_horizontal_addressing()
    {
        byte[] frame = OledController.CommandFrame(OledController.For("ssd1306", 128, 64).InitSequence());
        Assert.Equal("00" + "AE" + "A83F" + "D300" + "40" + "A1" + "C8" + "DA12" + "817F" + "A4" + "A6" + "D580" + "8D14" + "2000" + "D9F1" + "DB20" + "2E",
            Convert.ToHexString(frame));
    }

    [Fact]
    public void Ssd1306_128x32_init_drives_32_rows_with_sequential_com_pins()
    {
        string hex = Convert.ToHexString(OledController.CommandFrame(OledController.For("ssd1306", 128, 32).InitSequence()));
        Assert.Contains("A81F", hex);
        Assert.Contains("DA02", hex);
    }

    [Fact]
    public void Sh1106_init_sequence_uses_its_reset_values_dc_dc_and_pump_voltage()
    {
        byte[] frame = OledController.CommandFrame(OledController.For("sh1106", 128, 64).InitSequence());
        Assert.Equal("00" + "AE" + "A83F" + "D300" + "40" + "A1" + "C8" + "DA12" + "8180" + "A4" + "A6" + "D550" + "AD8B" + "32" + "D922" + "DB35",
            Convert.ToHexString(frame));
    }

    [Fact]
    public void Ssd1306_addresses_a_page_with_column_and_page_windows()
    {
        var buffer = new byte[8];
        int n = OledController.For("ssd1306", 128, 64).AddressPage(buffer, 5);
        Assert.Equal("21007F220505", Convert.ToHexString(buffer, 0, n));
    }

    [Fact]
    public void Sh1106_addresses_a_page_by_page_and_column_start_two_columns_in()
    {
        var buffer = new byte[8];
        var sh1106 = OledController.For("sh1106", 128, 64);
        int n = sh1106.AddressPage(buffer, 5);
        Assert.Equal("B50210", Convert.ToHexString(buffer, 0, n));
        Assert.Equal(2, sh1106.ColumnOffset);
        Assert.Equal(132, sh1106.RamColumns);
    }

    [Fact]
    public void Power_on_restarts_the_converter_before_lighting_the_panel_and_power_off_only_sleeps()
    {
        Assert.Equal("008D14AF", Convert.ToHexString(OledController.CommandFrame(OledController.For("ssd1306", 128, 64).PowerOn())));
        Assert.Equal("00AD8BAF", Convert.ToHexString(OledController.CommandFrame(OledController.For("sh1106", 128, 64).PowerOn())));
        Assert.Equal("00AE", Convert.ToHexString(OledController.CommandFrame(OledController.For("sh1106", 128, 64).PowerOff())));
    }

    [Fact]
    public void An_unknown_controller_is_refused_by_name()
    {
        var e = Assert.Throws<ArgumentException>(() => OledController.For("ssd1309", 128, 64));
        Assert.Contains("ssd1309", e.Message);
    }
}
