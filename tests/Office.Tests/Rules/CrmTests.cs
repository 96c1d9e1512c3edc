// The CRM integration rules: webhooks, the control API and its per-phone tokens, the lookup URL, checked with the phones' own loader.
using DeskPhone.Office.Model;
using DeskPhone.Office.Rules;

namespace DeskPhone.Office.Tests.Rules;

public class CrmTests
{
    [Fact]
    public void Turning_the_api_on_gives_every_phone_its_own_32_hex_character_token()
    {
        OfficeDirectory office = TestOffice.Create();

        Outcome on = Crm.SetApi(office, true, 8090, new[] { "10.0.0.0/8" });

        Assert.True(on.Ok, on.Message);
        Assert.StartsWith("control API on, port 8090, callers allowed from 10.0.0.0/8; new API token for phone-reception, phone-bob, phone-ann, phone-carol, phone-dave", on.Message);
        Assert.All(office.Phones, p => Assert.Matches("^[0-9a-f]{32}$", p.ApiToken!));
        Assert.Equal(office.Phones.Count, office.Phones.Select(p => p.ApiToken).Distinct().Count());
        Assert.Empty(on.Warnings);
    }

    [Fact]
    public void Turning_the_api_on_again_keeps_the_tokens_phones_already_have()
    {
        OfficeDirectory office = TestOffice.Create();
        Crm.SetApi(office, true, null, null);
        string before = office.Phones[0].ApiToken!;

        Outcome again = Crm.SetApi(office, true, null, new[] { "192.168.1.0/24" });

        Assert.Equal(before, office.Phones[0].ApiToken);
        Assert.DoesNotContain("new API token", again.Message);
        Assert.Equal(new[] { "192.168.1.0/24" }, office.Crm.Api!.Allow);
    }

    [Fact]
    public void The_api_on_with_only_the_default_allow_list_warns_that_only_the_phone_itself_may_call()
    {
        OfficeDirectory office = TestOffice.Create();
        Outcome on = Crm.SetApi(office, true, null, null);
        Assert.Equal(new[] { "127.0.0.1" }, office.Crm.Api!.Allow);
        Assert.Equal("only the phone itself (127.0.0.1) may call the API; give --allow with the CRM's address or network", Assert.Single(on.Warnings));
    }

    [Fact]
    public void A_bad_allow_entry_is_refused_in_the_phones_own_words_and_changes_nothing()
    {
        OfficeDirectory office = TestOffice.Create();

        Outcome hostBits = Crm.SetApi(office, true, null, new[] { "127.0.0.1", "10.1.2.3/8" });
        Outcome name = Crm.SetApi(office, true, null, new[] { "crm.local" });

        Assert.Equal("refused: the allow list entry 2 '10.1.2.3/8' has host bits set after the /8 prefix", hostBits.ToString());
        Assert.Equal("refused: the allow list entry 1 'crm.local' is not an IPv4 address or block like 10.0.0.0/8", name.ToString());
        Assert.Null(office.Crm.Api);
        Assert.All(office.Phones, p => Assert.Null(p.ApiToken));
    }

    [Fact]
    public void Turning_the_api_off_keeps_its_settings_and_tokens_and_a_second_off_is_refused()
    {
        OfficeDirectory office = TestOffice.Create();
        Crm.SetApi(office, true, 9000, new[] { "10.0.0.5" });

        Outcome off = Crm.SetApi(office, false, null, null);
        Outcome twice = Crm.SetApi(office, false, null, null);

        Assert.True(off.Ok);
        Assert.False(office.Crm.ApiEnabled);
        Assert.Equal((9000, "10.0.0.5"), (office.Crm.Api!.Port, office.Crm.Api.Allow.Single()));
        Assert.All(office.Phones, p => Assert.NotNull(p.ApiToken));
        Assert.Equal("refused: the control API is already off", twice.ToString());
    }

    [Fact]
    public void A_token_for_a_phone_is_made_once_and_replaced_only_when_rotated()
    {
        OfficeDirectory office = TestOffice.Create();

        Outcome made = Crm.Token(office, "phone-bob", rotate: false);
        string first = office.FindPhone("phone-bob")!.ApiToken!;
        Outcome again = Crm.Token(office, "phone-bob", rotate: false);
        Outcome rotated = Crm.Token(office, "phone-bob", rotate: true);

        Assert.Equal($"phone phone-bob: new API token {first}", made.Message);
        Assert.Equal("the control API is off; 'office crm api on' turns it on", Assert.Single(made.Warnings));
        Assert.Equal("refused: phone phone-bob already has an API token ('office crm show' prints it); --rotate replaces it", again.ToString());
        Assert.True(rotated.Ok);
        Assert.NotEqual(first, office.FindPhone("phone-bob")!.ApiToken);
        Assert.Null(office.FindPhone("phone-ann")!.ApiToken);
    }

    [Fact]
    public void A_token_for_an_unknown_phone_is_refused_with_a_spelling_hint()
    {
        OfficeDirectory office = TestOffice.Create();
        Assert.Equal("refused: no phone 'phone-bbo' in the office (did you mean 'phone-bob'?)", Crm.Token(office, "phone-bbo", false).ToString());
    }

    [Fact]
    public void Webhooks_are_checked_with_the_phones_rules_and_keep_token_and_limit_when_the_url_changes()
    {
        OfficeDirectory office = TestOffice.Create();

        Outcome set = Crm.SetWebhooks(office, "http://10.0.0.5:8000/phone-events", "crm-hook-secret", 500);
        Outcome moved = Crm.SetWebhooks(office, "https://10.0.0.6/events", null, null);
        Outcome name = Crm.SetWebhooks(office, "http://crm.example/x", null, null);
        Outcome limit = Crm.SetWebhooks(office, "http://10.0.0.5/x", null, 20000);
        Outcome spaced = Crm.SetWebhooks(office, "http://10.0.0.5/x", "a b", null);

        Assert.Equal("webhooks: every phone POSTs its call events to http://10.0.0.5:8000/phone-events with a bearer token, keeping up to 500 while the CRM is unreachable", set.Message);
        Assert.True(moved.Ok);
        Assert.Equal(("https://10.0.0.6/events", "crm-hook-secret", 500), (office.Crm.Webhooks!.Url, office.Crm.Webhooks.Token, office.Crm.Webhooks.QueueLimit));
        Assert.Equal("refused: the webhook URL 'http://crm.example/x' host 'crm.example' must be an IPv4 address (the phone does not look names up)", name.ToString());
        Assert.Equal("refused: the queue limit 20000 is out of range (1-10000)", limit.ToString());
        Assert.Equal("refused: the webhook token must be printable ASCII without spaces", spaced.ToString());
        Assert.Equal("https://10.0.0.6/events", office.Crm.Webhooks.Url);
    }

    [Fact]
    public void Webhooks_off_removes_them_and_off_without_webhooks_is_refused()
    {
        OfficeDirectory office = TestOffice.Create();
        Crm.SetWebhooks(office, "http://10.0.0.5/e", "none", null);
        Assert.Null(office.Crm.Webhooks!.Token);
        Assert.True(Crm.WebhooksOff(office).Ok);
        Assert.Null(office.Crm.Webhooks);
        Assert.Equal("refused: the office has no webhooks", Crm.WebhooksOff(office).ToString());
    }

    [Fact]
    public void The_lookup_url_needs_an_address_and_the_number_placeholder()
    {
        OfficeDirectory office = TestOffice.Create();

        Outcome missing = Crm.SetLookup(office, "http://10.0.0.5:8000/lookup");
        Outcome set = Crm.SetLookup(office, "http://10.0.0.5:8000/lookup?number={number}");
        Outcome off = Crm.LookupOff(office);

        Assert.Equal("refused: the lookup URL 'http://10.0.0.5:8000/lookup' has no {number} placeholder where the caller's number goes", missing.ToString());
        Assert.True(set.Ok && off.Ok);
        Assert.Null(office.Crm.LookupUrl);
        Assert.Equal("refused: the office has no lookup URL", Crm.LookupOff(office).ToString());
    }

    [Fact]
    public void A_phones_address_gives_the_api_base_url_on_the_offices_port()
    {
        OfficeDirectory office = TestOffice.Create();
        Crm.SetApi(office, true, 8090, new[] { "10.0.0.0/8" });

        Outcome bad = Crm.SetAddress(office, "phone-bob", "10.0.0");
        Outcome good = Crm.SetAddress(office, "phone-bob", "10.0.0.22");

        Assert.Equal("refused: '10.0.0' is not an IPv4 address like 10.0.0.21", bad.ToString());
        Assert.True(good.Ok);
        Assert.Equal("http://10.0.0.22:8090", Crm.ApiBase(office, office.FindPhone("phone-bob")!));
        Assert.Null(Crm.ApiBase(office, office.FindPhone("phone-ann")!));
    }

    [Fact]
    public void Only_an_admin_changes_the_crm_integration()
    {
        OfficeDirectory office = TestOffice.Create();
        Actor bob = Actor.User("bob");
        foreach (Outcome refused in new[]
        {
            Crm.SetApi(office, true, null, null, bob), Crm.Token(office, "phone-bob", true, bob), Crm.SetWebhooks(office, "http://10.0.0.5/e", null, null, bob),
            Crm.SetLookup(office, "http://10.0.0.5/l?n={number}", bob), Crm.SetAddress(office, "phone-bob", "10.0.0.2", bob),
        })
        {
            Assert.Equal("refused: only an admin can change the CRM integration (bob is a user)", refused.ToString());
        }
        Assert.True(office.Crm.IsEmpty);
        Assert.All(office.Phones, p => Assert.Null(p.ApiToken));
    }

    [Fact]
    public void Phones_without_a_token_are_listed_only_while_the_api_is_on_and_only_for_active_users()
    {
        OfficeDirectory office = TestOffice.Create();
        Crm.SetApi(office, true, null, null);
        office.Phones.Add(new Phone { Id = "lobby", User = "reception", Board = "sim-desk-8" });
        office.Phones.Add(new Phone { Id = "old", User = "dave", Board = "sim-desk-8" });
        office.FindUser("dave")!.Active = false;

        Assert.Equal(new[] { "lobby" }, Crm.PhonesWithoutToken(office).Select(p => p.Id));
        Crm.SetApi(office, false, null, null);
        Assert.Empty(Crm.PhonesWithoutToken(office));
    }
}
