// Reads a contacts file (or a lookup's answer) into a directory: bad entries are skipped and named, the rest kept.
using System.Collections;
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Json;

namespace DeskPhone.Firmware.Contacts
{
    /// <summary>What reading a contacts file did.</summary>
    public sealed class ContactFileResult
    {
        /// <summary>Contacts added to the directory.</summary>
        public int Loaded;
        /// <summary>Entries left out: wrong ones, and those beyond <see cref="ContactDirectory.MaxContacts"/>.</summary>
        public int Skipped;
        /// <summary>False when the file is not JSON of the right shape at all (nothing loaded).</summary>
        public bool Readable;
        /// <summary>Every problem, as "file:line:column: field: message".</summary>
        public ConfigErrors Errors;
    }

    /// <summary>
    /// The contacts file format (firmware/Contacts/README.md):
    /// <c>{"contacts": [{"name": "Bob Stone", "company": "Acme Ltd", "id": "crm-1042",
    /// "numbers": ["202", {"number": "+44 20 7946 0018", "label": "work"}]}]}</c>.
    /// JSON goes through <see cref="JsonReader"/>, the list entry by entry; an entry with a problem is
    /// skipped with a located error and the others are loaded. A lookup URL's answer has the same shape.
    /// </summary>
    public static class ContactFile
    {
        /// <summary>The top-level field holding the list.</summary>
        public const string ListField = "contacts";
        /// <summary>Longest name, company or id.</summary>
        public const int MaxTextLength = 64;
        /// <summary>Most numbers one contact has.</summary>
        public const int MaxNumbers = 8;
        /// <summary>The labels a number may have.</summary>
        public static readonly string[] Labels = { "work", "mobile", "home", "other" };

        private static readonly string[] TopFields = { ListField };
        private static readonly string[] ContactFields = { "name", "company", "id", "numbers" };
        private static readonly string[] NumberFields = { "number", "label" };

        /// <summary>Longest file text, in characters (1 MB: 5000 contacts of about 200 characters each).</summary>
        public const int MaxFileLength = 1024 * 1024;

        /// <summary>
        /// Reads <paramref name="text"/> (the file <paramref name="fileName"/>, named in errors) into
        /// <paramref name="into"/>. The list is read entry by entry (<see cref="JsonReader.TryParseStreamed"/>):
        /// only the contacts are kept, never the whole JSON tree; they join the directory once the
        /// whole text has proved to be JSON.
        /// </summary>
        public static ContactFileResult Read(string fileName, string text, ContactDirectory into)
        {
            ContactFileResult result = new ContactFileResult();
            ConfigErrors errors = new ConfigErrors(fileName);
            result.Errors = errors;
            Entries entries = new Entries(errors, ContactDirectory.MaxContacts - into.Count);
            JsonValue root;
            JsonError[] jsonErrors;
            JsonReader.TryParseStreamed(text, MaxFileLength, ListField, entries, out root, out jsonErrors);
            if (root == null)
            {
                errors = new ConfigErrors(fileName); // what the entries said before the text broke does not count
                result.Errors = errors;
            }
            for (int i = 0; i < jsonErrors.Length; i++) errors.Add(jsonErrors[i].Line, jsonErrors[i].Column, jsonErrors[i].Path, jsonErrors[i].Message);
            if (root == null) return result;
            ConfigObject top = ConfigObject.Open(root, "", TopFields, errors);
            if (top == null) return result;
            top.ReportUnknownFields();
            JsonValue list = top.Container(ListField, JsonKind.Array, true);
            if (list == null) return result;
            result.Readable = true;
            for (int i = 0; i < entries.Read.Count; i++) into.Add((Contact)entries.Read[i]);
            result.Loaded = entries.Read.Count;
            result.Skipped = entries.Skipped + entries.Beyond;
            if (entries.Beyond > 0)
                errors.Add(entries.FirstBeyond.Line, entries.FirstBeyond.Column, Path(entries.FirstBeyondIndex), "the directory holds at most " + ContactDirectory.MaxContacts.ToString()
                    + " contacts: this one and the " + (entries.Beyond - 1).ToString() + " after it are not loaded");
            errors.SortByPosition();
            return result;
        }

        /// <summary>The list's entries as the reader hands them over: each checked and made a contact, or skipped.</summary>
        private sealed class Entries : IJsonItemSink
        {
            private readonly ConfigErrors _errors;
            private readonly int _room;
            private readonly Hashtable _companies = new Hashtable(); // one string per company name
            public readonly ArrayList Read = new ArrayList();
            public int Skipped;
            public int Beyond;              // entries past the directory's room
            public JsonValue FirstBeyond;   // the first of them, where the error points
            public int FirstBeyondIndex;

            public Entries(ConfigErrors errors, int room)
            {
                _errors = errors;
                _room = room;
            }

            public void Item(int index, JsonValue item)
            {
                if (Read.Count >= _room)
                {
                    if (Beyond++ == 0) { FirstBeyond = item; FirstBeyondIndex = index; }
                    return;
                }
                Contact c = ReadContact(item, Path(index), _errors, _companies);
                if (c == null) Skipped++;
                else Read.Add(c);
            }
        }

        private static string Path(int index)
        {
            return ListField + "[" + index.ToString() + "]";
        }

        private static Contact ReadContact(JsonValue v, string path, ConfigErrors errors, Hashtable companies)
        {
            ConfigObject o = ConfigObject.Open(v, path, ContactFields, errors);
            if (o == null) return null;
            o.ReportUnknownFields();
            string name = o.String("name", true, MaxTextLength);
            string company = o.String("company", false, MaxTextLength);
            string id = o.String("id", false, MaxTextLength);
            JsonValue numbers = o.Container("numbers", JsonKind.Array, true);
            string[] texts = null;
            string[] labels = null;
            if (numbers != null)
            {
                if (numbers.Count == 0) o.ErrorAt("numbers", "lists no number; a contact needs at least one");
                else if (numbers.Count > MaxNumbers) o.ErrorAt("numbers", "lists " + numbers.Count.ToString() + " numbers; at most " + MaxNumbers.ToString() + " are allowed");
                else
                {
                    texts = new string[numbers.Count];
                    labels = new string[numbers.Count];
                    for (int i = 0; i < numbers.Count; i++) ReadNumber(o, numbers[i], o.FieldPath("numbers") + "[" + i.ToString() + "]", errors, texts, labels, i);
                }
            }
            if (o.ErrorCount > 0 || name == null || texts == null) return null;
            for (int i = 0; i < texts.Length; i++) if (texts[i] == null) return null;
            if (company != null)
            {
                string same = companies[company] as string;
                if (same == null) companies[company] = company;
                else company = same; // the contacts of one company share its name's string
            }
            return new Contact(name, company, id, texts, labels);
        }

        private static void ReadNumber(ConfigObject contact, JsonValue v, string path, ConfigErrors errors, string[] texts, string[] labels, int i)
        {
            if (v.Kind == JsonKind.String)
            {
                texts[i] = Number(v, v.StringValue, path, errors);
                return;
            }
            if (v.Kind != JsonKind.Object)
            {
                errors.Add(v.Line, v.Column, path, "expected a number as a string (\"+44 20 7946 0018\") or {\"number\": ..., \"label\": \"work\"}, found " + v.Describe());
                return;
            }
            ConfigObject o = ConfigObject.Open(v, path, NumberFields, errors);
            o.ReportUnknownFields();
            string text = o.String("number", true, PhoneNumber.MaxLength);
            int label = o.Has("label") ? o.Choice("label", Labels, "a number label", false) : -1;
            if (text == null || o.ErrorCount > 0) return;
            texts[i] = Number(o.Get("number"), text, o.FieldPath("number"), errors);
            labels[i] = label < 0 ? null : Labels[label];
        }

        private static string Number(JsonValue at, string text, string path, ConfigErrors errors)
        {
            if (text.Length > PhoneNumber.MaxLength || PhoneNumber.Normalise(text) == null)
            {
                errors.Add(at.Line, at.Column, path, "'" + ConfigObject.Printable(text) + "' is not a phone number (digits, with an optional leading + and spaces, dashes, dots or brackets)");
                return null;
            }
            return text;
        }
    }
}
