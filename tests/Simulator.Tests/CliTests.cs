using DeskPhone.Simulator;

namespace DeskPhone.Simulator.Tests;

/// <summary>The shell commands drive the same API.</summary>
public class CliTests
{
    private static async Task<(int code, string output)> Cli(RunningSimulator sim, params string[] args)
    {
        var output = new StringWriter();
        int code = await CliClient.Execute(args.Concat(new[] { "--api", sim.App.Url }).ToArray(), output);
        return (code, output.ToString());
    }

    [Fact]
    public async Task The_press_and_lamps_commands_show_the_seized_line_lamp_green()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var (code, _) = await Cli(sim, "press", "reception-1", "line2");
        Assert.Equal(0, code);
        var (lampsCode, lamps) = await Cli(sim, "lamps", "reception-1");
        Assert.Equal(0, lampsCode);
        var line2 = lamps.Split('\n').First(l => l.StartsWith("line2"));
        Assert.Contains("Line 2", line2);
        Assert.EndsWith("green steady", line2.TrimEnd());
    }

    [Fact]
    public async Task The_screen_command_prints_text_and_saves_a_png()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var (code, text) = await Cli(sim, "screen", "exec-ann");
        Assert.Equal(0, code);
        Assert.StartsWith("Ann Lee | 09:00", text);
        string file = Path.Combine(Path.GetTempPath(), "deskphone-cli-" + Guid.NewGuid() + ".png");
        try
        {
            var (pngCode, said) = await Cli(sim, "screen", "exec-ann", "--png", file, "--scale", "2");
            Assert.Equal(0, pngCode);
            Assert.Contains("saved", said);
            var (w, h, _) = Png.DecodeGray(File.ReadAllBytes(file));
            Assert.Equal((256, 128), (w, h));
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task A_command_against_an_unknown_phone_fails_with_the_api_error()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var (code, output) = await Cli(sim, "press", "ghost", "line1");
        Assert.Equal(1, code);
        Assert.Contains("error: no phone 'ghost'", output);
    }

    [Fact]
    public async Task The_advance_command_moves_virtual_time()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var (code, output) = await Cli(sim, "advance", "5000");
        Assert.Equal(0, code);
        Assert.Contains("5000", output);
    }
}
