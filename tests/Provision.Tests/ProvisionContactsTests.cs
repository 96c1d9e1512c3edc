// provision --contacts: the office's contact directory, checked by the phones' own loader, written as OUT/contacts.json.
namespace DeskPhone.Provision.Tests;

public class ProvisionContactsTests
{
    private const string Good = """
        { "contacts": [
            { "name": "Bob Stone", "company": "Acme Ltd", "numbers": [ "202", { "number": "+44 20 7946 0018", "label": "work" } ] },
            { "name": "Carol Hill", "numbers": [ "020 7946 0100" ] }
        ] }
        """;

    [Fact]
    public void A_good_contacts_file_is_written_beside_the_devices_folder_byte_for_byte()
    {
        using var site = new ProvisionSite();
        site.AddOffice();
        string file = Path.Combine(site.Root, "crm-export.json");
        File.WriteAllText(file, Good);

        var (code, output, errors) = site.Provision(site.Out, "--contacts", file);

        Assert.Equal((0, ""), (code, errors));
        Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(site.Out, "contacts.json")));
        Assert.Contains($"contacts: 2 contact(s) -> {Path.Combine(site.Out, "contacts.json")}", output);
        Assert.DoesNotContain("contacts.json", string.Join(",", Directory.GetFiles(Path.Combine(site.Out, "devices")))); // build --devices reads only device files
    }

    [Fact]
    public void The_demo_offices_contact_directory_is_accepted_whole()
    {
        using var site = new ProvisionSite();
        site.AddOffice();
        string file = Path.Combine(ProvisionSite.RepoRoot(), "examples", "contacts.json"); // what ./demo.sh provisions

        var (code, output, errors) = site.Provision(site.Out, "--contacts", file);

        Assert.Equal((0, ""), (code, errors));
        Assert.Contains("contacts: 7 contact(s)", output);
    }

    [Fact]
    public void A_contacts_file_with_a_bad_entry_is_refused_with_file_line_and_field_and_nothing_is_written()
    {
        using var site = new ProvisionSite();
        site.AddOffice();
        string file = Path.Combine(site.Root, "crm-export.json");
        File.WriteAllText(file, Good.Replace("\"020 7946 0100\"", "\"ask reception\""));

        var (code, _, errors) = site.Provision(site.Out, "--contacts", file);

        Assert.Equal(1, code);
        Assert.Contains($"{file}:3:42: contacts[1].numbers[0]: 'ask reception' is not a phone number", errors);
        Assert.Contains("1 error(s) in " + file + ": a phone would skip 1 of its entries; nothing written", errors);
        Assert.False(Directory.Exists(site.Out) && Directory.EnumerateFileSystemEntries(site.Out).Any());
    }

    [Fact]
    public void A_missing_or_non_json_contacts_file_is_refused()
    {
        using var site = new ProvisionSite();
        site.AddOffice();
        Assert.Contains("no such contacts file", site.Provision(site.Out, "--contacts", Path.Combine(site.Root, "none.json")).Errors);
        string csv = Path.Combine(site.Root, "contacts.csv");
        File.WriteAllText(csv, "name,number\nBob,202\n");
        var (code, _, errors) = site.Provision(site.Out, "--contacts", csv);
        Assert.Equal(1, code);
        Assert.Contains($"{csv}:1:1: ", errors);
        Assert.Contains("is not a contacts file", errors);
    }
}
