// Reads a contacts file (or a lookup's answer) into a directory: bad entries are skipped and named, the rest kept.
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
    /// JSON goes through <see cref="JsonReader"/>; an entry with a problem is skipped with a located
    /// error and the others are loaded. A lookup URL's answer has the same shape.
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

        /// <summary>Reads <paramref name="text"/> (the file <paramref name="fileName"/>, named in errors) into <paramref name="into"/>.</summary>
        public static ContactFileResult Read(string fileName, string text, ContactDirectory into)
        {
            ContactFileResult result = new ContactFileResult();
            ConfigErrors errors = new ConfigErrors(fileName);
            result.Errors = errors;
            JsonValue root;
            JsonError[] jsonErrors;
            JsonReader.TryParseAll(text, out root, out jsonErrors);
            for (int i = 0; i < jsonErrors.Length; i++) errors.Add(jsonErrors[i].Line, jsonErrors[i].Column, jsonErrors[i].Path, jsonErrors[i].Message);
            if (root == null) return result;
            ConfigObject top = ConfigObject.Open(root, "", TopFields, errors);
            if (top == null) return result;
            top.ReportUnknownFields();
            JsonValue list = top.Container(ListField, JsonKind.Array, true);
            if (list == null) return result;
            result.Readable = true;
            for (int i = 0; i < list.Count; i++)
            {
                string path = ListField + "[" + i.ToString() + "]";
                if (into.Count >= ContactDirectory.MaxContacts)
                {
                    int left = list.Count - i;
                    errors.Add(list[i].Line, list[i].Column, path, "the directory holds at most " + ContactDirectory.MaxContacts.ToString()
                        + " contacts: this one and the " + (left - 1).ToString() + " after it are not loaded");
                    result.Skipped += left;
                    break;
                }
                Contact c = ReadContact(list[i], path, errors);
                if (c == null) { result.Skipped++; continue; }
                into.Add(c);
                result.Loaded++;
            }
            errors.SortByPosition();
            return result;
        }

        private static Contact ReadContact(JsonValue v, string path, ConfigErrors errors)
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
