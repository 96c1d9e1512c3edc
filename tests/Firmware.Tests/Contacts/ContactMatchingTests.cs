// Which contact a number belongs to, the way a receptionist expects: same person however the number is written, extensions exactly.
using DeskPhone.Firmware.Contacts;

namespace DeskPhone.Firmware.Tests.Contacts;

public class ContactMatchingTests
{
    private static Contact Person(string name, string? company, params string[] numbers) => new(name, company, null, numbers, null);

    private static ContactDirectory Office()
    {
        var d = new ContactDirectory();
        d.Add(Person("Bob Stone", "Acme Ltd", "202"));
        d.Add(Person("Carol Hill", "Hill & Co", "+44 20 7946 0018"));
        d.Add(Person("Dan Reed", null, "1202", "+1 (415) 555-0134"));
        return d;
    }

    [Theory]
    [InlineData("+44 20 7946 0018", "Carol Hill")]
    [InlineData("0044 20 7946 0018", "Carol Hill")]
    [InlineData("020 7946 0018", "Carol Hill")]
    [InlineData("7946 0018", "Carol Hill")]
    [InlineData("sip:+442079460018@office.example;user=phone", "Carol Hill")]
    [InlineData("tel:+44-20-7946-0018", "Carol Hill")]
    [InlineData("202", "Bob Stone")]
    [InlineData("1202", "Dan Reed")]
    [InlineData("001 415 555 0134", "Dan Reed")]
    [InlineData("555.0134", "Dan Reed")]   // 7 digits, all shared with 1 415 555 0134
    [InlineData("2020", null)]
    [InlineData("02", null)]
    [InlineData("alice", null)]
    [InlineData("", null)]
    [InlineData("946 0018", "Carol Hill")]
    public void A_number_finds_its_contact_however_it_is_written(string number, string? expected)
    {
        var found = Office().Match(number);
        if (expected == null) Assert.Empty(found);
        else Assert.Equal(expected, Assert.Single(found).Name);
    }

    [Fact]
    public void An_extension_matches_only_the_same_extension_not_a_longer_one_ending_in_it()
    {
        var d = Office();
        Assert.Equal("Bob Stone", Assert.Single(d.Match("202")).Name);
        Assert.Equal("Dan Reed", Assert.Single(d.Match("1202")).Name);
        Assert.Empty(d.Match("02"));
    }

    [Fact]
    public void Long_numbers_sharing_fewer_than_seven_trailing_digits_are_different_people()
    {
        var d = new ContactDirectory();
        d.Add(Person("Carol Hill", null, "+44 20 7946 0018"));
        Assert.Empty(d.Match("+44 20 7947 0018"));   // 6 trailing digits in common
        Assert.Empty(d.Match("946 0018 1"));
    }

    [Fact]
    public void The_contact_sharing_the_longest_tail_wins_over_one_that_only_shares_seven_digits()
    {
        var d = new ContactDirectory();
        d.Add(Person("Paris office", null, "+33 1 79 46 00 18"));
        d.Add(Person("Carol Hill", null, "+44 20 7946 0018"));
        Assert.Equal("Carol Hill", Assert.Single(d.Match("020 7946 0018")).Name);
        Assert.Equal(2, d.Match("7946 0018").Length); // both end in 79460018: the receptionist chooses
    }

    [Fact]
    public void A_number_two_contacts_share_matches_both_in_the_order_of_the_file_and_each_contact_once()
    {
        var d = new ContactDirectory();
        d.Add(Person("Eve Park", "Acme Ltd", "+44 20 7946 0100", "020 7946 0100"));
        d.Add(Person("Frank Lowe", "Acme Ltd", "+44 20 7946 0100"));
        var found = d.Match("+442079460100");
        Assert.Equal(new[] { "Eve Park", "Frank Lowe" }, found.Select(c => c.Name));
    }

    [Fact]
    public void A_full_directory_of_5000_contacts_finds_the_first_the_last_and_refuses_one_more()
    {
        var d = new ContactDirectory();
        for (int i = 0; i < ContactDirectory.MaxContacts; i++)
            Assert.True(d.Add(Person("Contact " + i, "Firm " + (i % 7), "+44 20 7" + i.ToString("D3") + " 5" + i.ToString("D3"))));
        Assert.False(d.Add(Person("One too many", null, "+44 20 7000 0000")));
        Assert.Equal(ContactDirectory.MaxContacts, d.Count);
        Assert.Equal("Contact 0", Assert.Single(d.Match("020 7000 5000")).Name);
        Assert.Equal("Contact 999", Assert.Single(d.Match("+44 20 7999 5999")).Name);
        Assert.Equal("Contact 4999", Assert.Single(d.Match("+44 20 74999 54999")).Name);
        Assert.Equal("Contact 421", Assert.Single(d.Match("0044 20 7421 5421")).Name);
        Assert.Empty(d.Match("020 7421 5422"));
    }

    [Theory]
    [InlineData("+44 20 7946 0018", "442079460018")]
    [InlineData("0044 20 7946 0018", "442079460018")]
    [InlineData("020 7946 0018", "2079460018")]
    [InlineData("(202)", "202")]
    [InlineData("sips:202@office.example", "202")]
    [InlineData("bob", null)]
    [InlineData("+", null)]
    public void Normalising_keeps_the_digits_that_identify_a_number(string text, string? digits)
    {
        Assert.Equal(digits, PhoneNumber.Normalise(text));
    }
}
