// The CRM integration in each generated device file: "api" with the phone's own token, "webhooks", "contacts"; loaded by the phone's loader.
using DeskPhone.Firmware.Config;
using DeskPhone.Office.Generation;
using DeskPhone.Office.Model;
using DeskPhone.Office.Rules;

namespace DeskPhone.Office.Tests.Generation;

public class DeviceFilesCrmTests
{
    static DeviceConfig Load(OfficeDirectory office, string phoneId)
    {
        GeneratedDevice device = DeviceFiles.Generate(office).Single(d => d.Phone.Id == phoneId);
        Assert.True(DeviceConfigLoader.TryLoad(device.FileName, device.Text, out DeviceConfig config, out ConfigErrors errors), errors?.ToString());
        return config;
    }

    [Fact]
    public void Each_phone_serves_the_api_with_its_own_token_and_reports_to_the_offices_webhook_and_lookup()
    {
        OfficeDirectory office = TestOffice.Create();
        Crm.SetApi(office, true, 8090, new[] { "10.0.0.0/8", "127.0.0.1" });
        Crm.SetWebhooks(office, "http://10.0.0.5:8000/phone-events", "crm-hook-secret", 250);
        Crm.SetLookup(office, "http://10.0.0.5:8000/lookup?number={number}");

        DeviceConfig bob = Load(office, "phone-bob");
        DeviceConfig ann = Load(office, "phone-ann");

        Assert.True(bob.Api.Enabled);
        Assert.Equal((8090, office.FindPhone("phone-bob")!.ApiToken), (bob.Api.Port, bob.Api.Token));
        Assert.Equal(office.FindPhone("phone-ann")!.ApiToken, ann.Api.Token);
        Assert.NotEqual(bob.Api.Token, ann.Api.Token);
        Assert.True(bob.Api.Allow.Allows("10.9.8.7") && !bob.Api.Allow.Allows("192.168.1.2"));
        Assert.Equal(("http://10.0.0.5:8000/phone-events", "crm-hook-secret", 250), (bob.Webhooks.Url, bob.Webhooks.Token, bob.Webhooks.QueueLimit));
        Assert.Equal("http://10.0.0.5:8000/lookup?number={number}", bob.ContactsLookup.Text);
        Assert.Equal("contacts.json", bob.ContactsFile);
    }

    [Fact]
    public void With_the_api_off_no_device_file_carries_an_api_or_a_token()
    {
        OfficeDirectory office = TestOffice.Create();
        Crm.SetApi(office, true, null, null);
        Crm.SetApi(office, false, null, null);

        foreach (GeneratedDevice d in DeviceFiles.Generate(office))
        {
            Assert.DoesNotContain("\"api\"", d.Text);
            Assert.DoesNotContain(d.Phone.ApiToken!, d.Text);
        }
        Assert.False(Load(office, "phone-bob").Api.Enabled);
    }

    [Fact]
    public void An_office_without_crm_generates_no_crm_fields()
    {
        OfficeDirectory office = TestOffice.Create();
        string text = DeviceFiles.Generate(office).Single(d => d.Phone.Id == "phone-bob").Text;
        Assert.DoesNotContain("\"webhooks\"", text);
        Assert.DoesNotContain("\"contacts\"", text);
        Assert.Null(Load(office, "phone-bob").Webhooks);
    }

    [Fact]
    public void The_same_office_gives_the_same_bytes()
    {
        OfficeDirectory office = TestOffice.Create();
        Crm.SetApi(office, true, null, new[] { "10.0.0.0/8" });
        Assert.Equal(DeviceFiles.Generate(office).Select(d => d.Text), DeviceFiles.Generate(office).Select(d => d.Text));
    }
}
