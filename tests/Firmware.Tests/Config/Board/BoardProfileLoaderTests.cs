// A valid board profile becomes a BoardProfile with every field and default in place.
using DeskPhone.Firmware.Config.Board;
using DeskPhone.Hal;
using static DeskPhone.Firmware.Tests.Config.Board.BoardProfileTestFiles;

namespace DeskPhone.Firmware.Tests.Config.Board;

public class BoardProfileLoaderTests
{
    [Fact]
    public void A_Pi_profile_loads_with_its_display_gpio_chip_and_codec()
    {
        var p = Load(Pi, "rpi-test.json");
        Assert.Equal(("rpi-test", "A Pi test board.", BoardBackends.RaspberryPi), (p.Name, p.Description, p.Backend));
        Assert.Equal((4, 1, 2), (p.LineKeys, p.ExpansionPages, p.LampColours));
        Assert.True(p.HasTwoColourLamps);
        Assert.Equal(("sh1106", 128, 64, 1, 0x3D, -1, -1), (p.Display.Controller, p.Display.Width, p.Display.Height, p.Display.I2cBus, p.Display.I2cAddress, p.Display.SdaPin, p.Display.SclPin));
        Assert.Equal(2, p.Display.ColumnOffset);
        Assert.Equal("/dev/gpiochip0", p.GpioChip);
        Assert.Equal(("wm8960", "hw:CARD=wm8960soundcard,DEV=0", 0x1A, 4), (p.Codec.Chip, p.Codec.AlsaDevice, p.Codec.I2cAddress, p.Codec.PaEnablePin));
        Assert.Equal((-1, -1, -1, -1, -1), (p.Codec.Mclk, p.Codec.Bclk, p.Codec.Ws, p.Codec.DataOut, p.Codec.DataIn));
    }

    [Fact]
    public void Pi_keys_map_names_to_key_codes_and_are_active_low_unless_told_otherwise()
    {
        var p = Load(Pi, "rpi-test.json");
        Assert.Equal(new[] { (KeyCodes.Line(1), "line1", 5, true), (KeyCodes.Hook, "hook", 6, false), (KeyCodes.Soft1 + 1, "soft2", 13, true) },
            p.Keys.Select(k => (k.KeyCode, k.KeyName, k.Pin, k.ActiveLow)));
        Assert.Same(p.Keys[1], p.FindKey(KeyCodes.Hook));
        Assert.Null(p.FindKey(KeyCodes.Mute));
    }

    [Fact]
    public void Two_colour_lamps_have_green_and_red_pins_and_are_active_high_unless_told_otherwise()
    {
        var p = Load(Pi, "rpi-test.json");
        Assert.Equal(new[] { (1, -1, 17, 27, false, true), (2, -1, 22, 23, true, true) },
            p.Lamps.Select(l => (l.LineNumber, l.Pin, l.Green, l.Red, l.ActiveLow, l.IsTwoColour)));
        Assert.Same(p.Lamps[1], p.FindLamp(2));
        Assert.Null(p.FindLamp(3));
    }

    [Fact]
    public void An_ESP32_profile_loads_its_I2C_pins_I2S_pins_and_single_colour_lamp()
    {
        var p = Load(Esp32, "esp32-test.json");
        Assert.Equal(BoardBackends.Esp32, p.Backend);
        Assert.Equal(("ssd1306", 32, 1, 0x3C, 18, 23, 0), (p.Display.Controller, p.Display.Height, p.Display.I2cBus, p.Display.I2cAddress, p.Display.SdaPin, p.Display.SclPin, p.Display.ColumnOffset));
        Assert.Equal(("es8388", 0x10, 0, 5, 25, 26, 35, 21), (p.Codec.Chip, p.Codec.I2cAddress, p.Codec.Mclk, p.Codec.Bclk, p.Codec.Ws, p.Codec.DataOut, p.Codec.DataIn, p.Codec.PaEnablePin));
        Assert.Null(p.GpioChip);
        Assert.Null(p.Codec.AlsaDevice);
        var lamp = Assert.Single(p.Lamps);
        Assert.Equal((1, 22, -1, -1, false), (lamp.LineNumber, lamp.Pin, lamp.Green, lamp.Red, lamp.IsTwoColour));
    }

    [Fact]
    public void A_simulator_profile_needs_no_pins_and_gets_defaults()
    {
        var p = Load(Simulator, "sim-test.json");
        Assert.Equal(("sim-test", "", BoardBackends.Simulator, 0), (p.Name, p.Description, p.Backend, p.ExpansionPages));
        Assert.Empty(p.Keys);
        Assert.Empty(p.Lamps);
        Assert.Null(p.GpioChip);
        Assert.Equal((-1, 0x3C), (p.Display.I2cBus, p.Display.I2cAddress));
        Assert.Equal(("simulated", -1, false), (p.Codec.Chip, p.Codec.I2cAddress, p.Codec.HasControlPort));
    }

    [Theory]
    [InlineData("\"i2cAddress\": \"0x3d\"", 0x3D)]
    [InlineData("\"i2cAddress\": 61", 0x3D)]
    [InlineData("\"i2cAddress\": \"0X3C\"", 0x3C)]
    public void An_I2C_address_may_be_a_hex_string_or_a_number(string written, int expected)
    {
        var p = Load(Pi.Replace("\"i2cAddress\": \"0x3D\"", written), "rpi-test.json");
        Assert.Equal(expected, p.Display.I2cAddress);
    }

    [Fact]
    public void A_codec_with_a_control_port_gets_its_usual_address_when_none_is_written()
    {
        var p = Load(Pi.Replace(", \"i2cAddress\": \"0x1A\"", ""), "rpi-test.json");
        Assert.Equal(0x1A, p.Codec.I2cAddress);
        Assert.Equal(0x10, Load(Esp32, "esp32-test.json").Codec.I2cAddress);
    }

    [Theory]
    [InlineData("boards/profiles/rpi-test.json")]
    [InlineData(@"C:\site\profiles\rpi-test.json")]
    [InlineData("rpi-test")]
    public void The_name_is_checked_against_the_file_name_without_folder_or_extension(string fileName)
    {
        Assert.Equal("rpi-test", BoardProfileLoader.ProfileNameOf(fileName));
        Assert.Equal("rpi-test", Load(Pi, fileName).Name);
    }

    [Theory]
    [InlineData("board.json")]
    [InlineData("/etc/deskphone/board.json")]
    [InlineData(@"I:\board.json")]
    public void A_deployed_copy_named_board_json_may_hold_any_profile(string fileName)
    {
        Assert.Equal("rpi-test", Load(Pi, fileName).Name);
        Assert.Equal("board.json", BoardProfileLoader.DeployedFileName);
    }

    [Fact]
    public void Errors_name_the_file_as_given()
    {
        var errors = Errors(Pi.Replace("\"lineKeys\": 4", "\"lineKeys\": 0"), "boards/profiles/rpi-test.json");
        Assert.Equal("boards/profiles/rpi-test.json:5:15: lineKeys: 0 is out of range (1-96)", errors[0].ToString());
    }
}
