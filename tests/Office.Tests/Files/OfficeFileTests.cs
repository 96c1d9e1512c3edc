// office.json: read with every error located, written back byte for byte.
using DeskPhone.Office.Files;
using DeskPhone.Office.Model;
using DeskPhone.Office.Rules;

namespace DeskPhone.Office.Tests.Files;

public class OfficeFileTests
{
    static string Example => File.ReadAllText(Path.Combine(TestOffice.RepoRoot(), "examples", "office.json"));

    [Fact]
    public void The_example_office_reads_and_writes_back_byte_for_byte()
    {
        OfficeDirectory office = OfficeFile.Parse("office.json", Example);

        Assert.Equal(Example, OfficeFile.Format(office));
        Assert.Equal(new[] { "reception", "bob", "ann" }, office.Users.Select(u => u.Id));
        Pairing p = Assert.Single(office.Pairings);
        Assert.Equal(("ann", "bob", PermissionNames.Default, PairingState.Active), (p.Executive, p.Assistant, p.Permissions, p.State));
        Assert.Equal(3, office.Phones.Single(ph => ph.Id == "reception-1").Lines);
    }

    [Fact]
    public void A_change_saved_to_the_file_reads_back_the_same()
    {
        string path = Path.Combine(Path.GetTempPath(), "office-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            OfficeDirectory office = OfficeFile.Parse("office.json", Example);
            office.Users.Add(new User { Id = "carol", Name = "キャロル 田中", Extension = "204", Password = "carol-secret", VipCallers = { "sip:+15550100@office.example", "0312345678" } });
            Delegation.AddPairing(office, "ann", "carol", Actor.User("carol"), Permissions.Answer);
            office.FindUser("reception")!.Active = false;

            OfficeFile.Save(path, office);
            OfficeDirectory again = OfficeFile.Load(path);

            Assert.Equal(OfficeFile.Format(office), File.ReadAllText(path));
            Assert.Equal(OfficeFile.Format(office), OfficeFile.Format(again));
            Assert.Contains("\"name\": \"キャロル 田中\"", File.ReadAllText(path));
            Assert.Equal(("carol", PairingState.Pending, "carol"), (again.Pairings[1].Assistant, again.Pairings[1].State, again.Pairings[1].RequestedBy));
            Assert.False(again.FindUser("reception")!.Active);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Every_error_is_reported_with_file_line_column_and_field()
    {
        string text = """
            {
              "office": { "domain": "office.example", "registar": "sip:127.0.0.1" },
              "users": [
                { "id": "ann", "name": "Ann Lee", "extension": "203", "password": "ann-secret" },
                { "id": "bob", "name": "Bob Stone", "extension": "203", "password": "bob-secret" },
                { "id": "carol", "name": "Carol Diaz", "extension": "2O4", "password": "carol-secret" },
                { "id": "dave", "name": "Dave Moss", "extension": "205", "password": "a:b" }
              ],
              "phones": [
                { "id": "exec-ann", "user": "anne", "board": "sim-desk-8", "keys": [ { "kind": "shared", "target": "sip:202@office.example" } ] },
                { "id": "desk-2", "user": "ann", "board": "sim-desk-8", "account": { "password": "x" } }
              ],
              "pairings": [
                { "id": "p1", "executive": "ann", "assistant": "bob", "permissions": ["place", "anwser"], "state": "active" },
                { "id": "p2", "executive": "ann", "assistant": "ann", "state": "pending", "createdBy": "user", "requestedBy": "ann" },
                { "id": "p3", "executive": "ann", "assistant": "bob", "state": "activ" }
              ]
            }
            """;

        Assert.False(OfficeFile.TryParse("office.json", text, out _, out var errors));

        Assert.Equal(new[]
        {
            "office.json:2:13: office: missing required field 'registrar'",
            "office.json:2:43: office.registar: unknown field 'registar' in office (did you mean 'registrar'?)",
            "office.json:5:54: users[1].extension: 203 is already ann's extension",
            "office.json:6:57: users[2].extension: '2O4' is not a dial string (digits, '*', '#' and '+')",
            "office.json:7:74: users[3].password: ':' and '\\' cannot be used in a SIP password here",
            "office.json:10:33: phones[0].user: no user 'anne' in the office (did you mean 'ann'?)",
            "office.json:10:84: phones[0].keys[0].kind: shared keys come from the user's pairings (deskphone-provision office pair)",
            "office.json:11:86: phones[1].account.password: 'password' comes from the office and the user; leave it out",
            "office.json:14:84: pairings[0].permissions: 'anwser' is not a permission (did you mean 'answer'?); expected one of place, answer, pickup, voicemail, recording",
            "office.json:15:5: pairings[1]: ann cannot be their own assistant",
            "office.json:16:68: pairings[2].state: 'activ' is not one of active, pending, declined (did you mean 'active'?)",
        }, errors.Select(e => e.ToString()).ToArray());
    }

    [Fact]
    public void A_hand_edited_file_obeys_the_pairing_rules_too()
    {
        string text = """
            {
              "office": { "domain": "office.example", "registrar": "sip:127.0.0.1" },
              "limits": { "assistantsPerExecutive": 1 },
              "users": [
                { "id": "ann", "name": "Ann Lee", "extension": "203", "password": "ann-secret" },
                { "id": "bob", "name": "Bob Stone", "extension": "202", "password": "bob-secret" },
                { "id": "carol", "name": "Carol Diaz", "extension": "204", "password": "carol-secret", "active": false }
              ],
              "pairings": [
                { "id": "p1", "executive": "ann", "assistant": "bob", "state": "active" },
                { "id": "p2", "executive": "bob", "assistant": "ann", "state": "pending", "createdBy": "user", "requestedBy": "bob" },
                { "id": "p3", "executive": "ann", "assistant": "carol", "state": "active" },
                { "id": "p4", "executive": "carol", "assistant": "ann", "state": "declined" }
              ]
            }
            """;

        Assert.False(OfficeFile.TryParse("office.json", text, out _, out var errors));

        Assert.Equal(new[]
        {
            "office.json:11:5: pairings[1]: ann is already bob's executive (pairing p1, active); bob cannot also be ann's executive",
            "office.json:12:5: pairings[2]: carol is deactivated; a deactivated user has no live pairings",
        }, errors.Select(e => e.ToString()).ToArray());
    }

    [Fact]
    public void A_JSON_syntax_error_is_located_and_stops_the_reading()
    {
        Assert.False(OfficeFile.TryParse("office.json", "{\n  \"office\": { \"domain\": \"x\" \"registrar\": 1 }\n}", out OfficeDirectory? office, out var errors));

        Assert.Null(office);
        Assert.StartsWith("office.json:2:29: office: expected ',' or '}'", Assert.Single(errors).ToString());
    }
}
