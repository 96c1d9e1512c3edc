// deskphone-pi's command line, configuration errors and hardware errors: messages name file, field or device node.
namespace DeskPhone.Boards.RaspberryPi.Tests;

public sealed class ProgramTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "deskphone-program-" + Guid.NewGuid().ToString("N"));

    public ProgramTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly string ExampleDevice = File.ReadAllText(Checkout.Path("boards", "raspberrypi", "deploy", "device.example.json"));
    private static readonly string Desk4 = File.ReadAllText(Checkout.Path("boards", "profiles", "rpi-desk-4.json"));

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>rpi-desk-4 with device nodes no machine has.</summary>
    private string AbsentHardwareBoard() => Write("rpi-desk-4.json", Desk4
        .Replace("/dev/gpiochip0", "/dev/gpiochip99")
        .Replace("\"i2cBus\": 1", "\"i2cBus\": 29")
        .Replace("CARD=wm8960soundcard", "CARD=deskphonetestcard"));

    [Fact]
    public void Without_arguments_it_prints_usage_and_exits_2()
    {
        var (code, _, err) = Run();
        Assert.Equal(Program.ConfigError, code);
        Assert.Contains("--device is required", err);
        Assert.Contains("usage: deskphone-pi", err);
    }

    [Fact]
    public void Help_prints_usage_and_exits_0()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(0, code);
        Assert.StartsWith("usage: deskphone-pi", output);
    }

    [Fact]
    public void A_bad_address_is_refused_by_name()
    {
        var (code, _, err) = Run("--device", "d.json", "--board", "b.json", "--address", "pi.local");
        Assert.Equal(Program.ConfigError, code);
        Assert.Contains("--address: 'pi.local' is not an IP address", err);
    }

    [Fact]
    public void Missing_files_are_each_named()
    {
        string device = Path.Combine(_dir, "device.json");
        string board = Path.Combine(_dir, "board.json");
        var (code, _, err) = Run("--device", device, "--board", board);
        Assert.Equal(Program.ConfigError, code);
        Assert.Contains(device + ": no such file (the device file)", err);
        Assert.Contains(board + ": no such file (the board profile)", err);
    }

    [Fact]
    public void Device_file_errors_name_file_line_and_field()
    {
        string device = Write("device.json", ExampleDevice.Replace("\"expires\": 600", "\"expires\": \"600\""));
        var (code, _, err) = Run("--device", device, "--board", AbsentHardwareBoard());
        Assert.Equal(Program.ConfigError, code);
        Assert.Matches(@"device\.json:\d+:\d+: accounts\[0\]\.expires: ", err);
    }

    [Fact]
    public void Board_profile_errors_name_file_line_and_field()
    {
        string board = Write("rpi-desk-4.json", Desk4.Replace("\"pin\": 16", "\"pin\": 5"));
        var (code, _, err) = Run("--device", Write("device.json", ExampleDevice), "--board", board);
        Assert.Equal(Program.ConfigError, code);
        Assert.Matches(@"rpi-desk-4\.json:\d+:\d+: keys\[3\]\.pin: GPIO 5 is already used by keys\[1\]\.pin", err);
    }

    [Fact]
    public void A_simulator_profile_is_refused_with_the_backend_field()
    {
        string board = Write("sim-desk-x.json", """
            { "name": "sim-desk-x", "backend": "simulator", "lineKeys": 8, "lampColours": 2,
              "display": { "controller": "ssd1306", "width": 128, "height": 64 }, "codec": { "chip": "simulated" } }
            """);
        var (code, _, err) = Run("--device", Write("device.json", ExampleDevice.Replace("rpi-desk-4", "sim-desk-x")), "--board", board);
        Assert.Equal(Program.ConfigError, code);
        Assert.Contains(board + ": backend: 'simulator' — deskphone-pi runs only \"raspberrypi\" board profiles", err);
    }

    [Fact]
    public void A_device_file_for_another_board_is_refused_naming_both()
    {
        string device = Write("device.json", ExampleDevice.Replace("rpi-desk-4", "rpi-desk-8-mono"));
        string board = AbsentHardwareBoard();
        var (code, _, err) = Run("--device", device, "--board", board);
        Assert.Equal(Program.ConfigError, code);
        Assert.Contains($"{device}: device.board: 'rpi-desk-8-mono' but {board} is the profile 'rpi-desk-4'", err);
    }

    [Fact]
    public void Missing_device_nodes_exit_1_with_every_node_and_its_fix()
    {
        var (code, _, err) = Run("--device", Write("device.json", ExampleDevice), "--board", AbsentHardwareBoard(), "--check");
        Assert.Equal(Program.HardwareError, code);
        Assert.Contains("/dev/gpiochip99: no such device — check gpio.chip in the board profile", err);
        Assert.Contains("/dev/i2c-29: no such device — check display.i2cBus in the board profile", err);
        Assert.Contains("ALSA card 'deskphonetestcard' (codec.alsaDevice \"plughw:CARD=deskphonetestcard,DEV=0\"): not present — add dtoverlay=wm8960-soundcard", err);
    }
}
