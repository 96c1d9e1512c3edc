// Missing device nodes are all reported at once, each with what to change.
using DeskPhone.Firmware.Config.Board;

namespace DeskPhone.Boards.RaspberryPi.Tests;

public sealed class PreflightTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "deskphone-preflight-" + Guid.NewGuid().ToString("N"));

    public PreflightTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static BoardProfile Board(int bus = 1, string chip = "wm8960", string alsa = "plughw:CARD=wm8960soundcard,DEV=0") => new()
    {
        Name = "rpi-test",
        Backend = BoardBackends.RaspberryPi,
        GpioChip = "/dev/gpiochip0",
        Display = new DisplaySpec { Controller = "ssd1306", Width = 128, Height = 64, I2cBus = bus },
        Codec = new CodecSpec { Chip = chip, AlsaDevice = alsa },
    };

    private void Create(string path)
    {
        string full = _root + path;
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, "");
    }

    [Fact]
    public void On_a_blank_pi_the_gpio_chip_i2c_bus_and_sound_card_are_each_reported_with_the_fix()
    {
        string[] problems = Preflight.Check(Board(), _root);
        Assert.Equal(3, problems.Length);
        Assert.StartsWith("/dev/gpiochip0: no such device", problems[0]);
        Assert.Equal("/dev/i2c-1: no such device — enable I2C with raspi-config (Interface Options → I2C) or dtparam=i2c_arm=on in /boot/firmware/config.txt, then reboot", problems[1]);
        Assert.Contains("ALSA card 'wm8960soundcard'", problems[2]);
        Assert.Contains("dtoverlay=wm8960-soundcard", problems[2]);
    }

    [Fact]
    public void Nothing_is_reported_when_every_node_is_there()
    {
        Create("/dev/gpiochip0");
        Create("/dev/i2c-1");
        Directory.CreateDirectory(_root + "/proc/asound/wm8960soundcard");
        Assert.Empty(Preflight.Check(Board(), _root));
    }

    [Fact]
    public void Another_i2c_bus_points_at_the_profile_field()
    {
        Create("/dev/gpiochip0");
        string problem = Assert.Single(Preflight.Check(Board(bus: 3, alsa: "default"), _root));
        Assert.Equal("/dev/i2c-3: no such device — check display.i2cBus in the board profile (ls /dev/i2c-*)", problem);
    }

    [Fact]
    public void A_pcm5102_card_suggests_its_overlays()
    {
        Create("/dev/gpiochip0");
        Create("/dev/i2c-1");
        string problem = Assert.Single(Preflight.Check(Board(chip: "pcm5102", alsa: "plughw:CARD=sndrpigooglevoi,DEV=0"), _root));
        Assert.Contains("googlevoicehat-soundcard", problem);
        Assert.Contains("hifiberry-dac", problem);
    }

    [Theory]
    [InlineData("hw:CARD=wm8960soundcard,DEV=0", "wm8960soundcard")]
    [InlineData("plughw:CARD=sndrpigooglevoi", "sndrpigooglevoi")]
    [InlineData("default", null)]
    [InlineData("deskphone", null)]
    public void The_card_id_is_read_from_the_alsa_device_name(string device, string? card)
    {
        Assert.Equal(card, BoardWiring.AlsaCard(device));
    }
}
