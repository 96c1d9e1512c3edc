// The softswitch's tables from the office: subscribers of active users, active pairings' permissions.
using System.Security.Cryptography;
using System.Text;
using DeskPhone.Office.Generation;
using DeskPhone.Office.Model;
using DeskPhone.Office.Rules;

namespace DeskPhone.Office.Tests.Generation;

public class SoftswitchTablesTests
{
    [Fact]
    public void The_delegation_table_holds_each_active_pairings_permissions_and_who_answers_for_each_executive()
    {
        var office = TestOffice.Create();
        office.Pair("ann", "bob");
        office.Pair("ann", "carol", Permissions.PlaceCalls | Permissions.Voicemail);
        office.Pair("reception", "bob", Permissions.Answer);
        Delegation.AddPairing(office, "ann", "dave", Actor.User("dave")); // pending: nothing

        Assert.Equal("""
            id(int,auto) key_name(string) key_type(int) value_type(int) key_value(string) expires(int) 
            1:office:0:1:1:0
            2:paired/203/202:0:1:1:0
            3:place/203/202:0:1:1:0
            4:answer/203/202:0:1:1:0
            5:pickup/203/202:0:1:1:0
            6:paired/203/204:0:1:1:0
            7:place/203/204:0:1:1:0
            8:paired/201/202:0:1:1:0
            9:answer/201/202:0:1:1:0
            10:answerers/203:0:1:1:0
            11:answerer/203/0:0:0:202:0
            12:answerers/201:0:1:1:0
            13:answerer/201/0:0:0:202:0

            """, SoftswitchTables.Delegation(office));
    }

    [Fact]
    public void Without_active_pairings_the_table_only_says_it_comes_from_an_office()
    {
        var office = TestOffice.Create();
        Delegation.AddPairing(office, "ann", "bob", Actor.User("bob"));

        Assert.EndsWith("\n1:office:0:1:1:0\n", SoftswitchTables.Delegation(office));
    }

    [Fact]
    public void The_subscriber_table_has_every_active_user_with_the_digest_hashes_of_their_password()
    {
        var office = TestOffice.Create();
        office.FindUser("carol")!.Active = false;

        string[] rows = SoftswitchTables.Subscriber(office).TrimEnd('\n').Split('\n');

        Assert.Equal(SoftswitchTables.SubscriberHeader, rows[0]);
        Assert.Equal(new[] { "201", "202", "203", "205" }, rows.Skip(1).Select(r => r.Split(':')[1]));
        string ha1 = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes("203:office.example:ann-secret")));
        string ha1b = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes("203@office.example:office.example:ann-secret")));
        Assert.Equal($"3:203:office.example:ann-secret:{ha1}:{ha1b}", rows[3]);
    }
}
