// The phone's contact directory: who a number belongs to, found through an index.
using System.Collections;

namespace DeskPhone.Firmware.Contacts
{
    /// <summary>
    /// Contacts by number. Numbers are normalised (<see cref="PhoneNumber.Normalise"/>); a long number
    /// matches the contacts whose numbers share the longest trailing run of at least
    /// <see cref="PhoneNumber.MinSuffix"/> digits with it (a number that is wholly the other's tail, as
    /// "020 7946 0018" is of "+44 20 7946 0018", counts as the longest), a short extension ("202") only an equal one.
    /// An index keyed by the last <see cref="PhoneNumber.MinSuffix"/> digits (or the whole short number)
    /// keeps a lookup to one small bucket however many contacts there are.
    /// </summary>
    public sealed class ContactDirectory
    {
        /// <summary>Most contacts a directory holds (what a 256 KB file and a small device's heap allow).</summary>
        public const int MaxContacts = 1000;

        private readonly ArrayList _contacts = new ArrayList();
        private readonly Hashtable _index = new Hashtable(); // key -> ArrayList of Entry

        private sealed class Entry
        {
            public Contact Contact;
            public string Digits;
        }

        /// <summary>How many contacts there are.</summary>
        public int Count { get { return _contacts.Count; } }

        /// <summary>The contact at <paramref name="index"/>, in the order they were added.</summary>
        public Contact this[int index] { get { return (Contact)_contacts[index]; } }

        /// <summary>Adds a contact; false when the directory is full (<see cref="MaxContacts"/>).</summary>
        public bool Add(Contact contact)
        {
            if (_contacts.Count >= MaxContacts) return false;
            _contacts.Add(contact);
            for (int i = 0; i < contact.NumberCount; i++)
            {
                string digits = PhoneNumber.Normalise(contact.NumberAt(i));
                if (digits == null) continue;
                string key = Key(digits);
                ArrayList bucket = _index[key] as ArrayList;
                if (bucket == null) { bucket = new ArrayList(); _index[key] = bucket; }
                Entry e = new Entry();
                e.Contact = contact;
                e.Digits = digits;
                bucket.Add(e);
            }
            return true;
        }

        /// <summary>Forgets every contact.</summary>
        public void Clear()
        {
            _contacts.Clear();
            _index.Clear();
        }

        /// <summary>
        /// The contacts <paramref name="number"/> belongs to (none: an empty array), in the order they were
        /// added, each once. A number that is not one ("alice") matches nothing.
        /// </summary>
        public Contact[] Match(string number)
        {
            string digits = PhoneNumber.Normalise(number);
            if (digits == null) return new Contact[0];
            ArrayList bucket = _index[Key(digits)] as ArrayList;
            if (bucket == null) return new Contact[0];
            int best = 0;
            for (int i = 0; i < bucket.Count; i++)
            {
                int score = Score(digits, ((Entry)bucket[i]).Digits);
                if (score > best) best = score;
            }
            if (best == 0) return new Contact[0];
            ArrayList found = new ArrayList();
            for (int i = 0; i < bucket.Count; i++)
            {
                Entry e = (Entry)bucket[i];
                if (Score(digits, e.Digits) == best && !found.Contains(e.Contact)) found.Add(e.Contact);
            }
            Contact[] result = new Contact[found.Count];
            for (int i = 0; i < result.Length; i++) result[i] = (Contact)found[i];
            return result;
        }

        /// <summary>
        /// How well two normalised numbers match: 0 not at all; a whole match (one is the other's tail:
        /// "2079460018" in "442079460018") beats any partial one; partial ones by the digits they share.
        /// </summary>
        private static int Score(string a, string b)
        {
            if (!PhoneNumber.Matches(a, b)) return 0;
            int shared = PhoneNumber.CommonSuffix(a, b);
            return shared == a.Length || shared == b.Length ? WholeMatch : shared;
        }

        private const int WholeMatch = 1000;

        private static string Key(string digits)
        {
            if (digits.Length < PhoneNumber.MinSuffix) return "=" + digits;
            return digits.Substring(digits.Length - PhoneNumber.MinSuffix);
        }
    }
}
