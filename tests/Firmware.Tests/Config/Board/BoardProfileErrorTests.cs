// A bad board profile is reported completely: every error, named by file, line, column and field, with the exact words.
using static DeskPhone.Firmware.Tests.Config.Board.BoardProfileTestFiles;

namespace DeskPhone.Firmware.Tests.Config.Board;

public class BoardProfileErrorTests
{
    [Fact]
    public void Every_error_of_a_file_is_reported_at_once_in_file_order_with_line_and_column()
    {
        const string text = """
            {
              "name": "rpi-desk",
              "backend": "raspberrypi",
              "lineKeys": 2,
              "lampColours": 2,
              "display": { "controller": "ssd1306", "width": 128, "height": 48 },
              "gpio": { "chip": "/dev/gpiochip0" },
              "keys": [ { "key": "line1", "pin": 5 }, { "key": "line3", "pin": 5 } ],
              "lamps": [ { "key": "line1", "pin": 17 } ],
              "codec": { "chip": "wm8960" }
            }
            """;
        var errors = Errors(text, "rpi-desk-8.json");
        Assert.Equal(new[]
        {
            "rpi-desk-8.json:2:11: name: 'rpi-desk' does not match the file name (expected 'rpi-desk-8')",
            "rpi-desk-8.json:6:65: display.height: 48 is not supported; the height must be 32 or 64",
            "rpi-desk-8.json:8:52: keys[1].key: 'line3' is beyond lineKeys (2)",
            "rpi-desk-8.json:8:68: keys[1].pin: GPIO 5 is already used by keys[0].pin",
            "rpi-desk-8.json:9:14: lamps[0]: lampColours is 2: give 'green' and 'red', not 'pin'",
        }, Enumerable.Range(0, errors.Count).Select(i => errors[i].ToString()));
    }

    [Fact]
    public void A_JSON_syntax_error_stops_the_check_at_its_position()
    {
        var errors = Errors("{ \"name\": \"rpi-test\",\n  \"backend\": \"raspberrypi\" \"lineKeys\": 4 }", "rpi-test.json");
        var error = Assert.Single(Enumerable.Range(0, errors.Count).Select(i => errors[i]));
        Assert.Equal((2, 28), (error.Line, error.Column));
        Assert.StartsWith("expected ',' or '}'", error.Message);
    }

    [Fact]
    public void A_misspelt_field_is_unknown_and_gets_a_suggestion()
    {
        Assert.Equal(new[]
        {
            ": missing required field 'lampColours'",
            "lampColors: unknown field 'lampColors' at the top level (did you mean 'lampColours'?)",
        }, SimulatorMessages("\"lampColours\"", "\"lampColors\""));
        Assert.Equal(new[]
        {
            "display: missing required field 'height'",
            "display.hieght: unknown field 'hieght' in display (did you mean 'height'?)",
        }, SimulatorMessages("\"height\"", "\"hieght\""));
    }

    [Theory]
    [InlineData("\"name\": \"sim-test\",", ": missing required field 'name'")]
    [InlineData("\"backend\": \"simulator\",", ": missing required field 'backend'")]
    [InlineData("\"lineKeys\": 8,", ": missing required field 'lineKeys'")]
    [InlineData("\"lampColours\": 2,", ": missing required field 'lampColours'")]
    [InlineData("\"codec\": { \"chip\": \"simulated\" }", ": missing required field 'codec'")]
    public void Required_fields_are_named_when_missing(string removed, string expected)
    {
        string text = Simulator.Replace(removed, "");
        if (removed.StartsWith("\"codec\"")) text = text.Replace("\"height\": 64 },", "\"height\": 64 }");
        Assert.Equal(new[] { expected }, Messages(Errors(text, "sim-test.json")));
    }

    [Theory]
    [InlineData("\"name\": \"sim-test\"", "\"name\": \"other\"", "name: 'other' does not match the file name (expected 'sim-test')")]
    [InlineData("\"name\": \"sim-test\"", "\"name\": \"sim test\"", "name: 'sim test' may only contain letters, digits, '-' and '_'")]
    [InlineData("\"backend\": \"simulator\"", "\"backend\": \"simulated\"", "backend: 'simulated' is not a backend (did you mean 'simulator'?); expected one of simulator, raspberrypi, esp32")]
    [InlineData("\"lineKeys\": 8", "\"lineKeys\": 97", "lineKeys: 97 is out of range (1-96)")]
    [InlineData("\"lineKeys\": 8", "\"lineKeys\": \"8\"", "lineKeys: expected a number, found a string")]
    [InlineData("\"lampColours\": 2", "\"lampColours\": 3", "lampColours: 3 is out of range (1-2)")]
    [InlineData("\"lampColours\": 2", "\"lampColours\": 2, \"expansionPages\": 4", "expansionPages: 4 is out of range (0-3)")]
    [InlineData("\"controller\": \"ssd1306\"", "\"controller\": \"ssd1309\"", "display.controller: 'ssd1309' is not a display controller (did you mean 'ssd1306'?); expected one of ssd1306, sh1106")]
    [InlineData("\"width\": 128", "\"width\": 96", "display.width: 96 is not supported; the width must be 128")]
    [InlineData("\"height\": 64", "\"height\": 48", "display.height: 48 is not supported; the height must be 32 or 64")]
    [InlineData("\"height\": 64", "\"height\": 64, \"i2cAddress\": \"3C\"", "display.i2cAddress: '3C' is not an I2C address; write it in hex, like \"0x3C\"")]
    [InlineData("\"height\": 64", "\"height\": 64, \"i2cAddress\": \"0x80\"", "display.i2cAddress: 0x80 is out of range (0x03-0x77)")]
    [InlineData("\"height\": 64", "\"height\": 64, \"i2cAddress\": 2", "display.i2cAddress: 0x02 is out of range (0x03-0x77)")]
    [InlineData("\"height\": 64", "\"height\": 64, \"i2cAddress\": true", "display.i2cAddress: expected a string like \"0x3C\" or a number, found a boolean")]
    [InlineData("\"height\": 64", "\"height\": 64, \"i2cBus\": 1", "display.i2cBus: only for backends raspberrypi and esp32 (this profile's backend is simulator)")]
    [InlineData("\"codec\": { \"chip\": \"simulated\" }", "\"codec\": \"simulated\"", "codec: expected an object, found a string")]
    [InlineData("\"chip\": \"simulated\"", "\"chip\": \"wm8960\"", "codec.chip: backend simulator takes only 'simulated'")]
    [InlineData("\"chip\": \"simulated\"", "\"chip\": \"simulated\", \"paEnablePin\": 4", "codec.paEnablePin: only for backends raspberrypi and esp32 (this profile's backend is simulator)")]
    [InlineData("\"chip\": \"simulated\"", "\"chip\": \"simulated\", \"i2cAddress\": \"0x1A\"", "codec.i2cAddress: simulated has no I2C control port")]
    public void Simulator_profile_rules_have_exact_messages(string find, string replace, string expected)
    {
        Assert.Equal(new[] { expected }, SimulatorMessages(find, replace));
    }

    [Theory]
    [InlineData("\"gpio\": { \"chip\": \"/dev/gpiochip0\" },", "", ": missing required field 'gpio' (backend raspberrypi needs it)")]
    [InlineData("\"/dev/gpiochip0\"", "\"/dev/gpio0\"", "gpio.chip: '/dev/gpio0' is not a GPIO character device (/dev/gpiochipN)")]
    [InlineData("\"i2cAddress\": \"0x3D\"", "\"i2cAddress\": \"0x3D\", \"sdaPin\": 2", "display.sdaPin: only for backend esp32 (this profile's backend is raspberrypi)")]
    [InlineData("\"i2cBus\": 1", "\"i2cBus\": 32", "display.i2cBus: 32 is out of range (0-31)")]
    [InlineData("{ \"key\": \"line1\", \"pin\": 5 }", "{ \"key\": \"lin1\", \"pin\": 5 }", "keys[0].key: 'lin1' is not a key name (did you mean 'line1'?)")]
    [InlineData("{ \"key\": \"line1\", \"pin\": 5 }", "{ \"key\": \"line5\", \"pin\": 5 }", "keys[0].key: 'line5' is beyond lineKeys (4)")]
    [InlineData("{ \"key\": \"soft2\", \"pin\": 13 }", "{ \"key\": \"line1\", \"pin\": 13 }", "keys[2].key: 'line1' is already given by keys[0]")]
    [InlineData("{ \"key\": \"soft2\", \"pin\": 13 }", "{ \"key\": \"soft2\", \"pin\": 5 }", "keys[2].pin: GPIO 5 is already used by keys[0].pin")]
    [InlineData("{ \"key\": \"soft2\", \"pin\": 13 }", "{ \"key\": \"soft2\" }", "keys[2]: missing required field 'pin'")]
    [InlineData("{ \"key\": \"soft2\", \"pin\": 13 }", "{ \"key\": \"soft2\", \"pin\": 28 }", "keys[2].pin: 28 is out of range (0-27)")]
    [InlineData("{ \"key\": \"soft2\", \"pin\": 13 }", "{ \"key\": \"soft2\", \"pin\": 13, \"activeLow\": 0 }", "keys[2].activeLow: expected true or false, found a number")]
    [InlineData("{ \"key\": \"soft2\", \"pin\": 13 }", "13", "keys[2]: expected an object, found a number")]
    [InlineData("\"green\": 17, \"red\": 27", "\"green\": 6, \"red\": 27", "lamps[0].green: GPIO 6 is already used by keys[1].pin")]
    [InlineData("\"green\": 17, \"red\": 27", "\"green\": 17, \"red\": 4", "lamps[0].red: GPIO 4 is already used by codec.paEnablePin")]
    [InlineData("{ \"key\": \"line1\", \"green\"", "{ \"key\": \"hook\", \"green\"", "lamps[0].key: 'hook' is not a line key; lamps belong to line keys")]
    [InlineData("{ \"key\": \"line2\", \"green\"", "{ \"key\": \"line9\", \"green\"", "lamps[1].key: 'line9' is beyond lineKeys (4)")]
    [InlineData("{ \"key\": \"line2\", \"green\"", "{ \"key\": \"line1\", \"green\"", "lamps[1].key: line1 already has a lamp (lamps[0])")]
    [InlineData("\"green\": 22, \"red\": 23, ", "", "lamps[1]: a lamp needs 'pin' (single colour) or 'green' and 'red' (two colours)")]
    [InlineData("\"green\": 22, \"red\": 23, ", "\"pin\": 24, \"green\": 22, \"red\": 23, ", "lamps[1]: give either 'pin' or 'green' and 'red', not both")]
    [InlineData("\"green\": 22, \"red\": 23, ", "\"pin\": 22, ", "lamps[1]: lampColours is 2: give 'green' and 'red', not 'pin'")]
    [InlineData("\"green\": 22, \"red\": 23, ", "\"green\": 22, ", "lamps[1]: lampColours is 2: give both 'green' and 'red'")]
    [InlineData("\"alsaDevice\": \"hw:CARD=wm8960soundcard,DEV=0\",", "\"alsaDevice\": \"hw:0\", \"i2s\": { \"bclk\": 18 },", "codec.i2s: only for backend esp32 (this profile's backend is raspberrypi)")]
    [InlineData("\"chip\": \"wm8960\", \"alsaDevice\": \"hw:CARD=wm8960soundcard,DEV=0\", \"i2cAddress\": \"0x1A\"", "\"chip\": \"simulated\"", "codec.chip: 'simulated' is only for backend simulator")]
    [InlineData("\"chip\": \"wm8960\"", "\"chip\": \"wm8906\"", "codec.chip: 'wm8906' is not a codec chip (did you mean 'wm8960'?); expected one of simulated, wm8960, pcm5102, es8388, ac101")]
    [InlineData("\"chip\": \"wm8960\"", "\"chip\": \"pcm5102\"", "codec.i2cAddress: pcm5102 has no I2C control port")]
    public void Raspberry_Pi_profile_rules_have_exact_messages(string find, string replace, string expected)
    {
        Assert.Equal(new[] { expected }, PiMessages(find, replace));
    }

    [Fact]
    public void A_Pi_profile_without_keys_or_lamps_is_told_it_needs_them()
    {
        string text = Pi.Replace("\"keys\": [ { \"key\": \"line1\", \"pin\": 5 },\n            { \"key\": \"hook\", \"pin\": 6, \"activeLow\": false },\n            { \"key\": \"soft2\", \"pin\": 13 } ],", "")
                        .Replace("\"lamps\": [ { \"key\": \"line1\", \"green\": 17, \"red\": 27 },\n             { \"key\": \"line2\", \"green\": 22, \"red\": 23, \"activeLow\": true } ],", "");
        Assert.Equal(new[]
        {
            ": missing required field 'keys' (backend raspberrypi needs it)",
            ": missing required field 'lamps' (backend raspberrypi needs it)",
        }, Messages(Errors(text, "rpi-test.json")));
    }

    [Theory]
    [InlineData("\"sdaPin\": 18, ", "", "display: missing required field 'sdaPin' (backend esp32 needs it)")]
    [InlineData("\"i2cBus\": 1", "\"i2cBus\": 3", "display.i2cBus: 3 is out of range (1-2)")]
    [InlineData("\"sdaPin\": 18", "\"sdaPin\": 6", "display.sdaPin: GPIO 6 is wired to the module's flash (GPIO 6-11)")]
    [InlineData("\"sdaPin\": 18", "\"sdaPin\": 16", "display.sdaPin: GPIO 16 drives the PSRAM of the WROVER module this firmware needs (GPIO 16 and 17)")]
    [InlineData("\"sdaPin\": 18", "\"sdaPin\": 20", "display.sdaPin: GPIO 20 does not exist on the ESP32")]
    [InlineData("\"sdaPin\": 18", "\"sdaPin\": 40", "display.sdaPin: 40 is out of range (0-39)")]
    [InlineData("{ \"key\": \"line1\", \"pin\": 22 }", "{ \"key\": \"line1\", \"pin\": 34 }", "lamps[0].pin: GPIO 34 is input-only (GPIO 34-39) and cannot drive an output")]
    [InlineData("{ \"key\": \"line1\", \"pin\": 22 }", "{ \"key\": \"line1\", \"green\": 22, \"red\": 4 }", "lamps[0]: lampColours is 1: give the LED's 'pin', not 'green'/'red'")]
    [InlineData("{ \"key\": \"speaker\", \"pin\": 36 }", "{ \"key\": \"speaker\", \"pin\": 25 }", "keys[1].pin: GPIO 25 is already used by codec.i2s.ws")]
    [InlineData("{ \"key\": \"speaker\", \"pin\": 36 }", "{ \"key\": \"speaker\", \"pin\": 18 }", "keys[1].pin: GPIO 18 is already used by display.sdaPin")]
    [InlineData("\"mclk\": 0", "\"mclk\": 2", "codec.i2s.mclk: the ESP32 can output MCLK only on GPIO 0, 1 or 3")]
    [InlineData("\"bclk\": 5", "\"bclk\": 35", "codec.i2s.bclk: GPIO 35 is input-only (GPIO 34-39) and cannot drive an output")]
    [InlineData("\"ws\": 25, ", "", "codec.i2s: missing required field 'ws'")]
    [InlineData("\"i2s\": { \"mclk\": 0, \"bclk\": 5, \"ws\": 25, \"dataOut\": 26, \"dataIn\": 35 },", "", "codec: missing required field 'i2s' (backend esp32 needs it)")]
    [InlineData("\"dataIn\": 35", "\"dataIn\": 35, \"din\": 34", "codec.i2s.din: unknown field 'din' in codec.i2s")]
    [InlineData("\"chip\": \"es8388\",", "\"chip\": \"es8388\", \"alsaDevice\": \"hw:0\",", "codec.alsaDevice: only for backend raspberrypi (this profile's backend is esp32)")]
    [InlineData("\"lampColours\": 1,", "\"lampColours\": 1, \"gpio\": { \"chip\": \"/dev/gpiochip0\" },", "gpio: only for backend raspberrypi (this profile's backend is esp32)")]
    public void ESP32_profile_rules_have_exact_messages(string find, string replace, string expected)
    {
        Assert.Equal(new[] { expected }, Esp32Messages(find, replace));
    }

    [Fact]
    public void An_unknown_backend_is_one_error_not_a_cascade_about_backend_fields()
    {
        Assert.Equal(new[]
        {
            "backend: 'arduino' is not a backend; expected one of simulator, raspberrypi, esp32",
        }, Esp32Messages("\"backend\": \"esp32\"", "\"backend\": \"arduino\""));
    }

    [Fact]
    public void A_simulator_profile_may_list_keys_and_lamps_which_are_then_checked()
    {
        string text = Simulator.Replace("\"codec\"", "\"keys\": [ { \"key\": \"hook\", \"pin\": 300 } ], \"codec\"");
        Assert.Equal(new[] { "keys[0].pin: 300 is out of range (0-255)" }, Messages(Errors(text, "sim-test.json")));
        var profile = Load(Simulator.Replace("\"codec\"", "\"keys\": [ { \"key\": \"hook\", \"pin\": 3 } ], \"codec\""), "sim-test.json");
        Assert.Equal(3, Assert.Single(profile.Keys).Pin);
    }

    [Fact]
    public void A_profile_that_is_not_an_object_is_one_error()
    {
        Assert.Equal(new[] { ": expected an object, found an array" }, Messages(Errors("[]", "x.json")));
    }
}
