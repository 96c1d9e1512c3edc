// The device file's "contacts": which file in storage is the directory, and the CRM's lookup URL.
using static DeskPhone.Firmware.Tests.Config.ConfigTestFiles;

namespace DeskPhone.Firmware.Tests.Config;

public class ContactsConfigTests
{
    private static string WithContacts(string value) => Minimal.TrimEnd().TrimEnd('}') + ", \"contacts\": " + value + " }";

    [Fact]
    public void The_file_and_lookup_url_are_read()
    {
        var c = Load(WithContacts("""{ "file": "crm.json", "lookupUrl": "http://10.0.0.5:8000/lookup?number={number}" }"""));
        Assert.Equal("crm.json", c.ContactsFile);
        Assert.Equal("http://10.0.0.5:8000/lookup?number={number}", c.ContactsLookup!.Text);
        Assert.Equal("http://10.0.0.5:8000/lookup?number=%2B44202", c.ContactsLookup.UrlFor("+44202"));
    }

    [Fact]
    public void Without_the_section_the_directory_is_contacts_json_and_nothing_is_looked_up()
    {
        var c = Load(Minimal);
        Assert.Equal("contacts.json", c.ContactsFile);
        Assert.Null(c.ContactsLookup);
    }

    [Theory]
    [InlineData("""{ "lookupUrl": "http://crm.example/lookup?number={number}" }""", "contacts.lookupUrl: 'http://crm.example/lookup?number={num...' host 'crm.example' must be an IPv4 address")]
    [InlineData("""{ "lookupUrl": "http://10.0.0.5/lookup" }""", "contacts.lookupUrl: 'http://10.0.0.5/lookup' has no {number} placeholder")]
    [InlineData("""{ "file": "../etc/passwd" }""", "contacts.file: '../etc/passwd' must be a plain file name in the phone's storage")]
    [InlineData("""{ "file": 7 }""", "contacts.file: expected a string, found a number")]
    [InlineData("""{ "lookupURL": "x" }""", "contacts.lookupURL: unknown field 'lookupURL' in contacts")]
    [InlineData("\"contacts.json\"", "contacts: expected an object, found a string")]
    public void A_wrong_contacts_section_is_a_located_error(string value, string message)
    {
        Assert.Contains(Messages(Errors(WithContacts(value))), m => m.StartsWith(message));
    }
}
