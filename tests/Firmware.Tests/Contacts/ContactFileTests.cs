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

    [Fact]
    public void Beyond_1000_contacts_the_rest_are_skipped_and_the_error_says_how_many()
    {
        var entries = Enumerable.Range(0, ContactDirectory.MaxContacts + 24)
            .Select(i => "{\"name\":\"C" + i + "\",\"numbers\":[\"+44 20 7" + i.ToString("D3").Substring(0, 3) + " " + i.ToString("D4") + "\"]}");
        var (d, r) = Read("{\"contacts\":[\n" + string.Join(",\n", entries) + "]}");
        Assert.Equal(ContactDirectory.MaxContacts, d.Count);
        Assert.Equal(ContactDirectory.MaxContacts, r.Loaded);
        Assert.Equal(24, r.Skipped);
        Assert.Equal("contacts.json:1002:1: contacts[1000]: the directory holds at most 1000 contacts: this one and the 23 after it are not loaded", Assert.Single(Errors(r)));
        Assert.Equal("C999", Assert.Single(d.Match("020 7999 0999")).Name);
    }

    [Fact]
    public void A_file_of_2000_contacts_is_beyond_the_json_readers_1024_entries_and_loads_nothing_with_the_reason()
    {
        var entries = Enumerable.Range(0, 2000).Select(i => "{\"name\":\"C" + i + "\",\"numbers\":[\"" + (1000 + i) + "\"]}");
        var (d, r) = Read("{\"contacts\":[\n" + string.Join(",\n", entries) + "]}");
        Assert.False(r.Readable);
        Assert.Equal(0, d.Count);
        Assert.Equal("contacts.json:1026:1: contacts: the array has more than 1024 items", Assert.Single(Errors(r)));
    }
}
