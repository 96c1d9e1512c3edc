// The OLED driver's I2C traffic through a fake transport: init, page writes, contrast, power, failures.
using DeskPhone.Boards.RaspberryPi.Display;
using DeskPhone.Boards.RaspberryPi.Hal;
using DeskPhone.Boards.RaspberryPi.Linux;
using DeskPhone.Firmware.Display;
using DeskPhone.Hal;

namespace DeskPhone.Boards.RaspberryPi.Tests.Hal;

public sealed class OledDisplayTests
{
    private static (OledDisplay Display, FakeI2c Bus, ListLog Log) Make(string controller, int height = 64)
    {
        var bus = new FakeI2c();
        var log = new ListLog();
        return (new OledDisplay(bus, OledController.For(controller, 128, height), log), bus, log);
    }

    [Fact]
    public void Ssd1306_initialise_sends_the_init_sequence_then_clears_every_page_and_stays_dark()
    {
        var (display, bus, _) = Make("ssd1306");
        display.Initialise();
        Assert.Equal(1 + 2 * 8, bus.Writes.Count);
        Assert.Equal(Convert.ToHexString(OledController.CommandFrame(OledController.For("ssd1306", 128, 64).InitSequence())), bus.Hex()[0]);
        for (int page = 0; page < 8; page++)
        {
            Assert.Equal($"0021007F220{page}0{page}", bus.Hex()[1 + 2 * page]);
            Assert.Equal([0x40, .. new byte[128]], bus.Writes[2 + 2 * page]);
        }
        Assert.DoesNotContain(bus.Writes, w => w[0] == 0x00 && w.Contains((byte)0xAF));
    }

    [Fact]
    public void Sh1106_initialise_clears_all_132_ram_columns_from_column_zero()
    {
        var (display, bus, _) = Make("sh1106");
        display.Initialise();
        for (int page = 0; page < 8; page++)
        {
            Assert.Equal($"00B{page}0010", bus.Hex()[1 + 2 * page]);
            Assert.Equal(133, bus.Writes[2 + 2 * page].Length);
        }
    }

    [Fact]
    public void Ssd1306_page_write_is_the_page_window_then_the_page_bytes()
    {
        var (display, bus, _) = Make("ssd1306");
        var fb = new byte[128 * 8];
        for (int i = 0; i < 128; i++) fb[3 * 128 + i] = (byte)i;
        display.WritePage(3, fb, 3 * 128);
        Assert.Equal(["0021007F220303", "40" + Convert.ToHexString(fb, 3 * 128, 128)], bus.Hex());
    }

    [Fact]
    public void Sh1106_page_write_starts_at_column_two_of_its_ram()
    {
        var (display, bus, _) = Make("sh1106");
        var fb = new byte[128 * 8];
        fb[7 * 128] = 0xFF;
        display.WritePage(7, fb, 7 * 128);
        Assert.Equal("00B70210", bus.Hex()[0]);
        Assert.Equal(129, bus.Writes[1].Length);
        Assert.Equal(0xFF, bus.Writes[1][1]);
    }

    [Fact]
    public void Only_the_pages_the_flusher_finds_changed_reach_the_bus()
    {
        var (display, bus, _) = Make("ssd1306");
        var fb = new FrameBuffer(128, 64);
        var flusher = new DisplayFlusher(fb, display);
        flusher.Flush();                       // the first flush sends every page
        bus.Writes.Clear();

        fb.SetPixel(10, 20, true);             // page 2
        fb.SetPixel(100, 60, true);            // page 7
        Assert.Equal(2, flusher.Flush());

        Assert.Equal(["0021007F220202", "0021007F220707"], bus.Hex().Where(h => h.StartsWith("00")).ToArray());
        Assert.Equal(4, bus.Writes.Count);
        Assert.Equal(1 << (20 - 16), bus.Writes[1][1 + 10]);
    }

    [Fact]
    public void A_redraw_of_the_same_picture_sends_nothing()
    {
        var (display, bus, _) = Make("sh1106");
        var fb = new FrameBuffer(128, 64);
        var flusher = new DisplayFlusher(fb, display);
        fb.SetPixel(5, 5, true);
        flusher.Flush();
        bus.Writes.Clear();
        fb.Clear();
        fb.SetPixel(5, 5, true);
        Assert.Equal(0, flusher.Flush());
        Assert.Empty(bus.Writes);
    }

    [Theory]
    [InlineData(0, "008100")]
    [InlineData(200, "0081C8")]
    [InlineData(300, "0081FF")]
    [InlineData(-5, "008100")]
    public void Contrast_is_one_command_frame_clamped_to_a_byte(int level, string hex)
    {
        var (display, bus, _) = Make("ssd1306");
        display.SetContrast(level);
        Assert.Equal([hex], bus.Hex());
    }

    [Fact]
    public void Power_on_and_off_send_the_controllers_sequences()
    {
        var (display, bus, _) = Make("ssd1306");
        display.SetPower(true);
        display.SetPower(false);
        Assert.Equal(["008D14AF", "00AE"], bus.Hex());
    }

    [Fact]
    public void A_display_that_does_not_answer_fails_initialise_with_the_bus_in_the_message()
    {
        var (display, bus, _) = Make("ssd1306");
        bus.Answering = false;
        var e = Assert.Throws<HardwareException>(display.Initialise);
        Assert.Contains("/dev/i2c-fake 0x3C", e.Message);
        Assert.Contains("no device answered", e.Message);
    }

    [Fact]
    public void Failed_page_writes_are_counted_and_logged_once_until_the_display_answers_again()
    {
        var (display, bus, log) = Make("ssd1306");
        var fb = new byte[128 * 8];
        bus.Answering = false;
        display.WritePage(0, fb, 0);
        display.WritePage(1, fb, 128);
        bus.Answering = true;
        display.WritePage(2, fb, 256);
        Assert.Equal(2, display.Failures);
        Assert.Single(log.Lines, l => l.Level == LogLevel.Error);
        Assert.Single(log.Lines, l => l.Level == LogLevel.Info && l.Message.Contains("answers again"));
    }

    [Fact]
    public void A_128x32_panel_has_four_pages()
    {
        var (display, bus, _) = Make("ssd1306", 32);
        display.Initialise();
        Assert.Equal(32, display.Height);
        Assert.Equal(1 + 2 * 4, bus.Writes.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => display.WritePage(4, new byte[1024], 0));
    }
}
