// The softswitch's data from the office: db_text tables Kamailio reads at start.
using System.Security.Cryptography;
using System.Text;
using DeskPhone.Office.Model;

namespace DeskPhone.Office.Generation;

/// <summary>
/// Two db_text tables for tools/softswitch/kamailio (see its README, "Delegation"):
/// <c>subscriber</c> (the SIP accounts of the active users) and <c>delegation</c> (the active
/// pairings' permissions, in the htable module's table layout, loaded into the htable "deleg").
/// Keys use SIP users (extensions), which is what Kamailio sees:
/// <c>office</c>=1, <c>paired/EXEC/ASSISTANT</c>, <c>place/...</c>, <c>answer/...</c>, <c>pickup/...</c> = 1,
/// <c>answerers/EXEC</c> = how many, <c>answerer/EXEC/N</c> = the N-th assistant who answers.
/// Pending and declined pairings are left out: they do nothing.
/// </summary>
public static class SoftswitchTables
{
    public const string SubscriberTable = "subscriber";
    public const string DelegationTable = "delegation";

    /// <summary>Kamailio 5.6's subscriber layout (tools/softswitch/kamailio/init-db.sh checks the installed one matches).</summary>
    public const string SubscriberHeader = "id(int,auto) username(string) domain(string) password(string) ha1(string) ha1b(string) ";

    /// <summary>The htable module's table layout (version 2).</summary>
    public const string DelegationHeader = "id(int,auto) key_name(string) key_type(int) value_type(int) key_value(string) expires(int) ";

    /// <summary>The subscriber table: one row per active user.</summary>
    public static string Subscriber(OfficeDirectory office)
    {
        var sb = new StringBuilder(SubscriberHeader).Append('\n');
        int id = 1;
        string domain = office.Sip.Domain;
        foreach (User u in office.Users.Where(u => u.Active))
        {
            string ha1 = Md5($"{u.Extension}:{domain}:{u.Password}");
            string ha1b = Md5($"{u.Extension}@{domain}:{domain}:{u.Password}");
            sb.Append($"{id++}:{u.Extension}:{domain}:{u.Password}:{ha1}:{ha1b}\n");
        }
        return sb.ToString();
    }

    /// <summary>The delegation table (htable rows: key, type 0, value type 1 = number / 0 = text).</summary>
    public static string Delegation(OfficeDirectory office)
    {
        var rows = new List<(string Key, string Value, bool Number)> { ("office", "1", true) };
        var active = office.Pairings.Where(p => p.State == PairingState.Active).ToList();
        foreach (Pairing p in active)
        {
            string pair = Ext(office, p.Executive) + "/" + Ext(office, p.Assistant);
            rows.Add(("paired/" + pair, "1", true));
            if (p.Permissions.HasFlag(Permissions.PlaceCalls)) rows.Add(("place/" + pair, "1", true));
            if (p.Permissions.HasFlag(Permissions.Answer)) rows.Add(("answer/" + pair, "1", true));
            if (p.Permissions.HasFlag(Permissions.PickUpHeld)) rows.Add(("pickup/" + pair, "1", true));
        }
        foreach (var byExecutive in active.Where(p => p.Permissions.HasFlag(Permissions.Answer)).GroupBy(p => p.Executive))
        {
            string executive = Ext(office, byExecutive.Key);
            var assistants = byExecutive.Select(p => Ext(office, p.Assistant)).ToList();
            rows.Add(($"answerers/{executive}", assistants.Count.ToString(), true));
            for (int i = 0; i < assistants.Count; i++) rows.Add(($"answerer/{executive}/{i}", assistants[i], false));
        }
        var sb = new StringBuilder(DelegationHeader).Append('\n');
        int id = 1;
        foreach (var (key, value, number) in rows) sb.Append($"{id++}:{key}:0:{(number ? 1 : 0)}:{value}:0\n");
        return sb.ToString();
    }

    private static string Ext(OfficeDirectory office, string userId) => office.FindUser(userId)!.Extension;

    private static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
}
