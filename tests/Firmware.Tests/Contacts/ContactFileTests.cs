// The contacts file an installer writes: good entries load, each bad one is skipped with file:line:column and field.
using DeskPhone.Firmware.Contacts;

namespace DeskPhone.Firmware.Tests.Contacts;

public class ContactFileTests
{
    private static (ContactDirectory Directory, ContactFileResult Result) Read(string text)
    {
        var d = new ContactDirectory();
        return (d, ContactFile.Read("contacts.json", text, d));
    }

    private static string[] Errors(ContactFileResult r) => Enumerable.Range(0, r.Errors.Count).Select(i => r.Errors[i].ToString()).ToArray();

    [Fact]
    public void The_readme_example_loads_names_companies_ids_numbers_and_labels()
    {
        var (d, r) = Read("""
            { "contacts": [
                { "name": "Bob Stone", "company": "Acme Ltd", "id": "crm-1042",
                  "numbers": [ "202", { "number": "+44 20 7946 0018", "label": "work" }, { "number": "07700 900123", "label": "mobile" } ] },
                { "name": "山田太郎", "numbers": [ "+81 3 1234 5678" ] }
            ] }
            """);
        Assert.Empty(Errors(r));
        Assert.Equal(2, r.Loaded);
        Contact bob = d[0];
        Assert.Equal(("Bob Stone", "Acme Ltd", "crm-1042", 3), (bob.Name, bob.Company, bob.Id, bob.NumberCount));
        Assert.Equal(("202", null), (bob.NumberAt(0), bob.LabelAt(0)));
        Assert.Equal(("+44 20 7946 0018", "work"), (bob.NumberAt(1), bob.LabelAt(1)));
        Assert.Equal("mobile", bob.LabelAt(2));
        Assert.Same(bob, Assert.Single(d.Match("0044 7700 900123")));
        Assert.Null(d[1].Company);
    }

    [Fact]
    public void Bad_entries_are_skipped_with_their_place_and_field_and_the_rest_load()
    {
        var (d, r) = Read("""
            { "contacts": [
                { "name": "Bob Stone", "numbers": [ "202" ] },
                { "company": "Nameless Ltd", "numbers": [ "203" ] },
                { "name": "Carol Hill", "numbers": [ "call me" ] },
                { "name": "Dan Reed", "numbers": [ { "number": "204", "label": "pager" } ] },
                { "name": "Eve Park", "numbers": [] },
                { "name": "Frank Lowe", "numbers": [ "205" ], "emial": "f@acme.example" },
                "Gina",
                { "name": "Hank Moss", "numbers": [ 206 ] },
                { "name": "Ivy Cole", "company": "Cole Ltd", "numbers": [ "207" ] }
            ] }
            """);
        Assert.Equal(2, r.Loaded);
        Assert.Equal(7, r.Skipped);
        Assert.Equal(new[] { "Bob Stone", "Ivy Cole" }, new[] { d[0].Name, d[1].Name });
        Assert.Equal(string.Join("\n", new[]
        {
            "contacts.json:3:5: contacts[1]: missing required field 'name'",
            "contacts.json:4:42: contacts[2].numbers[0]: 'call me' is not a phone number (digits, with an optional leading + and spaces, dashes, dots or brackets)",
            "contacts.json:5:68: contacts[3].numbers[0].label: 'pager' is not a number label; expected one of work, mobile, home, other",
            "contacts.json:6:38: contacts[4].numbers: lists no number; a contact needs at least one",
            "contacts.json:7:51: contacts[5].emial: unknown field 'emial' in contacts[5]",
            "contacts.json:8:5: contacts[6]: expected an object, found a string",
            "contacts.json:9:41: contacts[7].numbers[0]: expected a number as a string (\"+44 20 7946 0018\") or {\"number\": ..., \"label\": \"work\"}, found a number",
        }), string.Join("\n", Errors(r)));
    }

    [Fact]
    public void A_file_that_is_not_json_loads_nothing_and_says_where_it_broke()
    {
        var (d, r) = Read("{ \"contacts\": [ { \"name\": \"Bob\", \"numbers\": [\"202\"] }, ]\n}");
        Assert.False(r.Readable);
        Assert.Equal(0, d.Count);
        Assert.StartsWith("contacts.json:1:", Assert.Single(Errors(r)));
    }

    [Theory]
    [InlineData("[]", "contacts.json:1:1: expected an object, found an array")]
    [InlineData("{ \"people\": [] }", "contacts.json:1:3: people: unknown field 'people' at the top level")]
    [InlineData("{ \"contacts\": {} }", "contacts.json:1:15: contacts: expected an array, found an object")]
    public void A_file_of_the_wrong_shape_says_what_was_expected(string text, string first)
    {
        var (_, r) = Read(text);
        Assert.StartsWith(first, Errors(r)[0]);
    }

    /// <summary>A file of <paramref name="count"/> contacts, one per line after the first, each with a work and a mobile number.</summary>
    public static string File(int count) => "{\"contacts\":[\n" + string.Join(",\n", Enumerable.Range(0, count).Select(i =>
        "{\"name\":\"Contact " + i + "\",\"company\":\"Company " + (i % 300) + "\",\"id\":\"crm-" + i
        + "\",\"numbers\":[{\"number\":\"+44 20 7" + i.ToString("D4").Substring(0, 3) + " " + i.ToString("D4") + "\",\"label\":\"work\"},\"07700 9" + i.ToString("D5") + "\"]}")) + "]}";

    [Fact]
    public void Beyond_5000_contacts_the_rest_are_skipped_and_the_error_says_how_many()
    {
        var (d, r) = Read(File(ContactDirectory.MaxContacts + 24));
        Assert.Equal(5000, d.Count);
        Assert.Equal(5000, r.Loaded);
        Assert.Equal(24, r.Skipped);
        Assert.Equal("contacts.json:5002:1: contacts[5000]: the directory holds at most 5000 contacts: this one and the 23 after it are not loaded", Assert.Single(Errors(r)));
        Assert.Equal("Contact 4999", Assert.Single(d.Match("020 7499 4999")).Name);
        Assert.Equal("Contact 4999", Assert.Single(d.Match("+44 7700 904999")).Name);
    }

    [Fact]
    public void A_file_of_5000_contacts_loads_whole_and_every_contact_is_found_by_its_numbers()
    {
        var (d, r) = Read(File(5000));
        Assert.True(r.Readable);
        Assert.Equal(0, r.Errors.Count);
        Assert.Equal(5000, d.Count);
        Assert.Equal(("Contact 0", "Company 0", "crm-0"), (d[0].Name, d[0].Company, d[0].Id));
        for (int i = 0; i < 5000; i += 97)
        {
            Assert.Equal("Contact " + i, Assert.Single(d.Match("0044 20 7" + i.ToString("D4").Substring(0, 3) + i.ToString("D4"))).Name);
            Assert.Equal("Contact " + i, Assert.Single(d.Match("07700 9" + i.ToString("D5"))).Name);
        }
    }

    [Fact]
    public void A_directory_of_5000_contacts_stays_within_its_memory_budget_once_loaded()
    {
        // The live heap the directory holds (contacts, their strings, the number index) after a full
        // collection, the file's text and the reader's values gone: the budget firmware/Contacts/README.md states.
        string text = File(5000);
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var d = new ContactDirectory();
        ContactFile.Read("contacts.json", text, d);
        text = null!;
        long after = GC.GetTotalMemory(forceFullCollection: true);
        Assert.Equal(5000, d.Count);
        Assert.InRange(after - before, 0, ContactMemoryBudget);
        GC.KeepAlive(d);
    }

    /// <summary>What a 5000-contact directory may hold on the simulator's 64-bit .NET (README: "Memory").</summary>
    public const long ContactMemoryBudget = 1_500_000;

    [Fact]
    public void A_syntax_error_after_good_entries_loads_none_of_them_and_names_only_the_json_error()
    {
        var (d, r) = Read("{\"contacts\":[\n{\"name\":\"A\",\"numbers\":[\"301\"]},\n{\"name\":\"B\",\"numbers\":[\"no\"]},\n{\"name\":\"C\" \"numbers\":[\"303\"]}]}");
        Assert.False(r.Readable);
        Assert.Equal(0, d.Count);
        Assert.StartsWith("contacts.json:4:13: contacts[2]: expected", Assert.Single(Errors(r)));
    }

    [Fact]
    public void A_list_of_2000_entries_somewhere_else_in_the_file_is_still_beyond_the_json_readers_1024_entries()
    {
        string numbers = string.Join(",", Enumerable.Range(0, 2000).Select(i => "\"" + (1000 + i) + "\""));
        var (d, r) = Read("{\"contacts\":[{\"name\":\"A\",\"numbers\":[" + numbers + "]}]}");
        Assert.False(r.Readable);
        Assert.Equal(0, d.Count);
        Assert.EndsWith("contacts[0].numbers: the array has more than 1024 items", Assert.Single(Errors(r)));
    }
}
