// The device file's "outcomes" and "roles": what the office's outcome list and the phone's roles look like, and what the loader refuses.
using DeskPhone.Firmware.Config;
using static DeskPhone.Firmware.Tests.Config.ConfigTestFiles;

namespace DeskPhone.Firmware.Tests.Config;

public class OutcomesAndRolesConfigTests
{
    private static string With(string field, string value) => Minimal.TrimEnd().TrimEnd('}') + ", \"" + field + "\": " + value + " }";

    private const string FourOutcomes = """
        [ { "id": "reached", "label": "Reached" },
          { "id": "left-voicemail", "label": "Left voicemail", "enabled": true },
          { "id": "no-answer", "label": "No answer", "enabled": false },
          { "id": "call-back", "label": "Call back later" } ]
        """;

    [Fact]
    public void Outcomes_are_read_in_order_and_only_the_enabled_ones_are_offered()
    {
        var c = Load(With("outcomes", FourOutcomes));
        Assert.Equal(4, c.OutcomeCount);
        Assert.Equal(("no-answer", "No answer", false), (c.OutcomeAt(2).Id, c.OutcomeAt(2).Label, c.OutcomeAt(2).Enabled));
        Assert.Equal(new[] { "Reached", "Left voicemail", "Call back later" }, c.EnabledOutcomes.Select(o => o.Label));
    }

    [Fact]
    public void A_file_without_outcomes_offers_none()
    {
        var c = Load(Minimal);
        Assert.Equal(0, c.OutcomeCount);
        Assert.Empty(c.EnabledOutcomes);
    }

    [Theory]
    [InlineData("""[ { "id": "a", "label": "A" }, { "id": "a", "label": "B" } ]""", "outcomes[1].id: 'a' is already the id of outcomes[0]")]
    [InlineData("""[ { "id": "a", "label": "Same" }, { "id": "b", "label": "Same" } ]""", "outcomes[1].label: 'Same' is already the label of outcomes[0]")]
    [InlineData("""[ { "id": "a", "label": "" } ]""", "outcomes[0].label: must not be empty")]
    [InlineData("""[ { "id": "a", "label": "A label far too long for the screen" } ]""", "outcomes[0].label: is 35 characters long; at most 24 are allowed")]
    [InlineData("""[ { "id": "a b", "label": "A" } ]""", "outcomes[0].id: 'a b' may only contain letters, digits, '-' and '_'")]
    [InlineData("""[ { "label": "A" } ]""", "outcomes[0]: missing required field 'id'")]
    [InlineData("""[ { "id": "a", "label": "A", "enabled": "yes" } ]""", "outcomes[0].enabled: expected true or false")]
    [InlineData("""[ { "id": "a", "label": "A", "colour": "red" } ]""", "outcomes[0].colour: unknown field 'colour'")]
    [InlineData("{}", "outcomes: expected an array")]
    public void A_wrong_outcome_list_is_a_located_error(string value, string message)
    {
        Assert.Contains(Messages(Errors(With("outcomes", value))), m => m.StartsWith(message));
    }

    [Fact]
    public void More_than_twenty_outcomes_are_refused()
    {
        string list = "[" + string.Join(",", Enumerable.Range(1, 21).Select(i => "{\"id\":\"o" + i + "\",\"label\":\"Outcome " + i + "\"}")) + "]";
        Assert.Contains(Messages(Errors(With("outcomes", list))), m => m == "outcomes: 21 outcomes; at most 20 are allowed");
    }

    [Fact]
    public void An_error_names_the_file_line_and_column()
    {
        var errors = Errors(With("outcomes", "[ { \"id\": \"a\", \"label\": 7 } ]"), "desk.json");
        Assert.StartsWith("desk.json:4:", errors[0].ToString());
        Assert.Contains("outcomes[0].label: expected a string", errors[0].ToString());
    }

    [Fact]
    public void Roles_give_the_pin_hash_restriction_and_the_numbers()
    {
        string hash = new string('A', 64);
        var c = Load(With("roles", "{ \"adminPinSha256\": \"" + hash + "\", \"restricted\": true, \"emergency\": [\"112\"], \"internal\": [\"2XX\", \"3xxx\"] }"));
        Assert.Equal(new string('a', 64), c.Roles.AdminPinSha256);
        Assert.True(c.Roles.Restricted);
        Assert.True(c.Roles.IsEmergency("112"));
        Assert.False(c.Roles.IsEmergency("911"));
        Assert.True(c.Roles.IsInternal("299"));
        Assert.True(c.Roles.IsInternal("3001"));
        Assert.False(c.Roles.IsInternal("2999"));
        Assert.False(c.Roles.IsInternal("29"));
        Assert.False(c.Roles.IsInternal("400"));
    }

    [Fact]
    public void Without_roles_there_is_no_pin_no_restriction_and_112_and_911_are_the_emergency_numbers()
    {
        var c = Load(Minimal);
        Assert.Null(c.Roles.AdminPinSha256);
        Assert.False(c.Roles.Restricted);
        Assert.True(c.Roles.IsEmergency("112") && c.Roles.IsEmergency("911"));
    }

    [Theory]
    [InlineData("""{ "adminPinSha256": "1234" }""", "roles.adminPinSha256: expected 64 hex digits")]
    [InlineData("""{ "restricted": "yes" }""", "roles.restricted: expected true or false")]
    [InlineData("""{ "emergency": ["11a"] }""", "roles.emergency[0]: '11a' is not a dial string")]
    [InlineData("""{ "internal": ["2YY"] }""", "roles.internal[0]: '2YY' is not a number pattern")]
    [InlineData("""{ "internal": [200] }""", "roles.internal[0]: expected a string")]
    [InlineData("""{ "restriced": true }""", "roles.restriced: unknown field 'restriced'")]
    public void Wrong_roles_are_located_errors(string value, string message)
    {
        Assert.Contains(Messages(Errors(With("roles", value))), m => m.StartsWith(message));
    }
}
