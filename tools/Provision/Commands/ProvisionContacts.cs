// provision --contacts FILE: the office's contact directory, checked by the phones' own loader and written beside the device files' folder.
using System.Text;
using DeskPhone.Firmware.Contacts;

namespace DeskPhone.Provision.Commands;

/// <summary>
/// Checks a contacts file with the firmware's <see cref="ContactFile"/> (what the tool accepts, a phone
/// loads whole) and writes it as OUT/contacts.json, the name a phone reads from its storage unless its
/// device file's "contacts.file" says otherwise. Any error: every one listed as file:line:column, nothing written.
/// </summary>
public static class ProvisionContacts
{
    /// <summary>The name it is written under (the phones' default).</summary>
    public const string FileName = "contacts.json";

    /// <summary>The file's bytes when the phones would load every entry; null (errors written) otherwise.</summary>
    public static byte[]? Check(string path, TextWriter errors)
    {
        if (!File.Exists(path))
        {
            errors.WriteLine($"{path}: no such contacts file");
            return null;
        }
        byte[] data = File.ReadAllBytes(path);
        string text = new UTF8Encoding(false, false).GetString(data);
        var directory = new ContactDirectory();
        ContactFileResult r = ContactFile.Read(path, text, directory);
        if (r.Errors.Count == 0) return data;
        errors.WriteLine(r.Errors.ToString());
        errors.WriteLine(r.Readable
            ? $"{r.Errors.Count} error(s) in {path}: a phone would skip {r.Skipped} of its entries; nothing written"
            : $"{path} is not a contacts file (firmware/Contacts/README.md); nothing written");
        return null;
    }

    /// <summary>Writes the checked file as OUT/contacts.json.</summary>
    public static void Write(string outDir, byte[] data, int contacts, TextWriter output)
    {
        string target = Path.Combine(outDir, FileName);
        File.WriteAllBytes(target, data);
        output.WriteLine($"contacts: {contacts} contact(s) -> {target} (each phone reads it from its storage as {FileName})");
    }

    /// <summary>How many contacts a checked file holds.</summary>
    public static int Count(byte[] data)
    {
        var directory = new ContactDirectory();
        ContactFile.Read("contacts", new UTF8Encoding(false, false).GetString(data), directory);
        return directory.Count;
    }
}
