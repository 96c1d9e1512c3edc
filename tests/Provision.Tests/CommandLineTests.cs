// The command line: help, unknown commands and options, missing values, with the exit codes installers script against.
namespace DeskPhone.Provision.Tests;

public class CommandLineTests
{
    private static (int Code, string Output, string Errors) Run(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        return (ProvisionApp.Run(args, output, errors), output.ToString(), errors.ToString());
    }

    [Fact]
    public void Help_lists_every_command_with_its_options()
    {
        var (code, output, _) = Run("help");
        Assert.Equal(0, code);
        Assert.Contains("build --devices DIR --profiles DIR --out OUT", output);
        Assert.Contains("push --device-id ID --pi USER@HOST", output);
        Assert.Contains("bundle --device-id ID --esp32 DIR", output);
        Assert.Contains("provision --office office.json --out DIR [--profiles DIR]", output);
        Assert.Contains("office pair --executive USER --assistant USER [--as admin|USER] [--allow place,answer,pickup,voicemail,recording]", output);
        Assert.Contains("office deactivate --user USER [--successor USER]", output);
    }

    [Fact]
    public void No_arguments_prints_help_and_exits_with_2()
    {
        var (code, output, _) = Run();
        Assert.Equal(2, code);
        Assert.Contains("deskphone-provision:", output);
    }

    [Theory]
    [InlineData(new[] { "deploy" }, "deskphone-provision: unknown command 'deploy' (commands: build, push, bundle, provision, office show, office pair, office accept, office decline, office permit, office unpair, office deactivate, office limits, office outcome add, office outcome rename, office outcome disable, office outcome enable, office outcome delete, office outcome list, office recording off, office recording on, office recording forced, office roles, office crm webhooks, office crm webhooks off, office crm api on, office crm api off, office crm token, office crm lookup, office crm lookup off, office crm address, office crm show, office serve)")]
    [InlineData(new[] { "office", "pare" }, "deskphone-provision: unknown office command 'pare' (commands: build, push, bundle, provision, office show, office pair, office accept, office decline, office permit, office unpair, office deactivate, office limits, office outcome add, office outcome rename, office outcome disable, office outcome enable, office outcome delete, office outcome list, office recording off, office recording on, office recording forced, office roles, office crm webhooks, office crm webhooks off, office crm api on, office crm api off, office crm token, office crm lookup, office crm lookup off, office crm address, office crm show, office serve)")]
    [InlineData(new[] { "office", "pair", "--executive", "ann", "--assistant", "bob", "--allow", "place,dial" }, "deskphone-provision office pair: --allow: 'dial' is not a permission; use place, answer, pickup, voicemail, recording (comma-separated) or none")]
    [InlineData(new[] { "office", "accept", "--pairing", "p1" }, "deskphone-provision office accept: --as is required")]
    [InlineData(new[] { "office", "limits", "--per-office", "0" }, "deskphone-provision office limits: --per-office must be a whole number from 1 to 1000, not '0'")]
    [InlineData(new[] { "build", "--devices", "d", "--out", "o" }, "deskphone-provision build: --profiles is required")]
    [InlineData(new[] { "build", "--devices" }, "deskphone-provision build: --devices needs a value")]
    [InlineData(new[] { "build", "--device", "d" }, "deskphone-provision build: unknown option '--device' for build (options: --devices, --profiles, --out)")]
    [InlineData(new[] { "push", "--device-id", "a", "--device-id", "b" }, "deskphone-provision push: --device-id is given twice")]
    [InlineData(new[] { "bundle", "desk-9" }, "deskphone-provision bundle: unexpected argument 'desk-9'")]
    public void A_wrong_command_line_is_named_and_exits_with_2(string[] args, string expected)
    {
        var (code, _, errors) = Run(args);
        Assert.Equal(2, code);
        Assert.Equal(expected, errors.Split('\n')[0].TrimEnd());
    }

    [Fact]
    public void A_missing_devices_folder_is_reported_and_exits_with_1()
    {
        var (code, _, errors) = Run("build", "--devices", "/nonexistent/devices", "--profiles", "/nonexistent/profiles", "--out", "/tmp/x");
        Assert.Equal(1, code);
        Assert.Equal("deskphone-provision build: no devices folder /nonexistent/devices", errors.TrimEnd());
    }
}
