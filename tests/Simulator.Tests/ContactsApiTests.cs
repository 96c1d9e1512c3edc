// The simulator puts a phone's contacts file (beside its device file) into the phone's storage; the API shows what a number matches.
namespace DeskPhone.Simulator.Tests;

public class ContactsApiTests
{
    private const string Contacts = """
        { "contacts": [
            { "name": "Bob Stone", "company": "Acme Ltd", "id": "crm-7", "numbers": [ "202", { "number": "+44 20 7946 0018", "label": "work" } ] },
            { "name": "No Number" }
        ] }
        """;

    [Fact]
    public async Task A_contacts_file_beside_the_device_file_is_the_phones_directory_and_a_number_shows_its_match()
    {
        string dir = Directory.CreateTempSubdirectory("deskphone-contacts-").FullName;
        try
        {
            string device = Path.Combine(dir, "reception.json");
            File.Copy(Checkout.Path("examples", "devices", "reception.json"), device);
            File.WriteAllText(Path.Combine(dir, "contacts.json"), Contacts);
            await using var sim = await RunningSimulator.StartAsync(device);
            string id = (await sim.Get("api/phones")).EnumerateArray().Single().GetProperty("id").GetString()!;

            var all = await sim.Get($"api/phones/{id}/contacts");
            Assert.Equal("contacts.json", all.GetProperty("file").GetString());
            Assert.Equal(1, all.GetProperty("count").GetInt32());
            Assert.Equal(1, all.GetProperty("skipped").GetInt32());
            Assert.StartsWith("contacts.json:3:5: contacts[1]: missing required field 'numbers'", all.GetProperty("errors")[0].GetString());

            var match = await sim.Get($"api/phones/{id}/contacts?number=" + Uri.EscapeDataString("020 7946 0018"));
            Assert.Equal("2079460018", match.GetProperty("digits").GetString());
            var bob = match.GetProperty("matches").EnumerateArray().Single();
            Assert.Equal(("Bob Stone", "Acme Ltd", "crm-7"), (bob.GetProperty("name").GetString(), bob.GetProperty("company").GetString(), bob.GetProperty("id").GetString()));
            Assert.Equal("work", bob.GetProperty("numbers")[1].GetProperty("label").GetString());

            var none = await sim.Get($"api/phones/{id}/contacts?number=1202");
            Assert.Empty(none.GetProperty("matches").EnumerateArray());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task The_contacts_file_provision_writes_above_the_devices_folder_is_found_too()
    {
        string dir = Directory.CreateTempSubdirectory("deskphone-contacts-").FullName;
        try
        {
            string device = Path.Combine(Directory.CreateDirectory(Path.Combine(dir, "devices")).FullName, "reception.json");
            File.Copy(Checkout.Path("examples", "devices", "reception.json"), device);
            File.WriteAllText(Path.Combine(dir, "contacts.json"), Contacts);
            await using var sim = await RunningSimulator.StartAsync(device);
            var match = await sim.Get("api/phones/reception-1/contacts?number=202");
            Assert.Equal("Bob Stone", match.GetProperty("matches")[0].GetProperty("name").GetString());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
