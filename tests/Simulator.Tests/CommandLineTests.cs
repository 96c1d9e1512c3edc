using DeskPhone.Simulator;

namespace DeskPhone.Simulator.Tests;

/// <summary>The README's demo command and the run command, end to end in real time (they stop by themselves).</summary>
[Collection("console")]
public class CommandLineTests
{
    private static async Task<(int code, string output)> Main(params string[] args)
    {
        var saved = Console.Out;
        var output = new StringWriter();
        Console.SetOut(output);
        try { return (await Program.Main(args), output.ToString()); }
        finally { Console.SetOut(saved); }
    }

    [Fact]
    public async Task The_demo_command_starts_the_example_office_shows_each_screen_and_stops_by_itself()
    {
        string state = Path.Combine(Path.GetTempPath(), "deskphone-demo-" + Guid.NewGuid());
        try
        {
            var (code, output) = await Main("demo", "--port", "0", "--seconds", "1", "--quiet", "--state", state);
            Assert.Equal(0, code);
            Assert.Contains("3 phone(s), real time", output);
            Assert.Contains("reception-1: Reception, ext 201", output);
            Assert.Contains("exec-ann: Ann Lee, ext 203", output);
            Assert.Contains("view: http://127.0.0.1:", output);
            Assert.Contains("█", output); // the screens, drawn in the terminal
            Assert.Contains("deskphone-sim: stopped", output);
        }
        finally
        {
            if (Directory.Exists(state)) Directory.Delete(state, recursive: true);
        }
    }

    [Fact]
    public async Task Run_refuses_a_device_file_with_errors_and_names_the_file_line_and_field()
    {
        string file = Path.Combine(Path.GetTempPath(), "deskphone-bad-" + Guid.NewGuid() + ".json");
        File.WriteAllText(file, File.ReadAllText(Checkout.Path("examples", "devices", "reception.json"))
            .Replace("\"target\": \"sip:202@office.example\"", "\"target\": \"sip:bob@\""));
        var saved = Console.Error;
        var errors = new StringWriter();
        Console.SetError(errors);
        try
        {
            var (code, _) = await Main("run", file, "--port", "0", "--seconds", "1");
            Assert.Equal(1, code);
            string said = errors.ToString();
            Assert.Contains(Path.GetFileName(file) + ":", said);
            Assert.Contains("keys[3].target", said);
            Assert.Contains("sip:bob@", said);
        }
        finally
        {
            Console.SetError(saved);
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Help_lists_the_commands_and_a_wrong_option_is_a_usage_error()
    {
        var (code, output) = await Main("help");
        Assert.Equal(0, code);
        Assert.Contains("deskphone-sim press PHONE KEY", output);
        var (bad, _) = await Main("run", "--bogus");
        Assert.Equal(2, bad);
    }
}

[CollectionDefinition("console", DisableParallelization = true)]
public class ConsoleCollection;

[Collection("console")]
public class PortInUseTests
{
    [Fact]
    public async Task A_control_port_already_in_use_is_a_clear_error_not_a_stack_trace()
    {
        using var holder = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        holder.Start();
        int port = ((System.Net.IPEndPoint)holder.LocalEndpoint).Port;
        var saved = Console.Error;
        var errors = new StringWriter();
        Console.SetError(errors);
        try
        {
            int code = await Program.Main(new[] { "run", Checkout.Path("examples", "devices", "reception.json"), "--port", port.ToString(), "--seconds", "1", "--quiet" });
            Assert.Equal(1, code);
            Assert.Contains($"port {port} on 127.0.0.1 is in use", errors.ToString());
        }
        finally { Console.SetError(saved); }
    }
}
