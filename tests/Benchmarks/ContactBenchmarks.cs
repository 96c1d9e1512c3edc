// Caller ID's cost: finding a number's contact in a full directory, and reading the directory's file at boot.
using System.Text;
using BenchmarkDotNet.Attributes;
using DeskPhone.Firmware.Contacts;

namespace DeskPhone.Benchmarks;

[MemoryDiagnoser]
public class ContactBenchmarks
{
    private ContactDirectory _directory = new();
    private string _file = "";

    [GlobalSetup]
    public void Setup()
    {
        var sb = new StringBuilder("{\"contacts\":[\n");
        for (int i = 0; i < ContactDirectory.MaxContacts; i++)
        {
            if (i > 0) sb.Append(",\n");
            sb.Append("{\"name\":\"Contact ").Append(i).Append("\",\"company\":\"Firm ").Append(i % 50)
              .Append("\",\"numbers\":[\"+44 20 7").Append((i / 10).ToString("D3")).Append(' ').Append(i.ToString("D4"))
              .Append("\",{\"number\":\"07700 9").Append(i.ToString("D5")).Append("\",\"label\":\"mobile\"}]}");
        }
        _file = sb.Append("]}").ToString();
        _directory = new ContactDirectory();
        ContactFile.Read("contacts.json", _file, _directory);
        if (_directory.Count != ContactDirectory.MaxContacts) throw new InvalidOperationException("the benchmark's directory did not load");
        if (_directory.Match("0044 20 7421 4210").Length != 1) throw new InvalidOperationException("the benchmark's caller is not in the directory");
    }

    /// <summary>A caller written differently from the file ("0044 ..." vs "+44 ..."), found among 5000 contacts.</summary>
    [Benchmark]
    public int Match_a_long_number_in_5000_contacts() => _directory.Match("0044 20 7421 4210").Length;

    /// <summary>An internal extension nobody has: the index's miss.</summary>
    [Benchmark]
    public int Miss_an_extension_in_5000_contacts() => _directory.Match("202").Length;

    /// <summary>Reading a full contacts file (5000 contacts, about 0.6 MB) at boot, entry by entry.</summary>
    [Benchmark]
    public int Load_a_file_of_5000_contacts() => ContactFile.Read("contacts.json", _file, new ContactDirectory()).Loaded;
}
