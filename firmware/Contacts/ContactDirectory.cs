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
    /// keeps a lookup to one small bucket however many contacts there are; a key held by one contact
    /// (the usual case) maps straight to it, and the numbers are normalised again when matched rather
    /// than kept twice.
    /// </summary>
    public sealed class ContactDirectory
    {
        /// <summary>Most contacts a directory holds (a receptionist's whole CRM export; README: "Memory").</summary>
        public const int MaxContacts = 5000;

        private readonly ArrayList _contacts = new ArrayList();
        private readonly Hashtable _index = new Hashtable(); // int key -> the Contact, or an ArrayList of them when several share the key

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
                object key = Key(digits);
                object held = _index[key];
                if (held == null) { _index[key] = contact; continue; }
                if (held == contact) continue; // two numbers of one contact under one key
                ArrayList bucket = held as ArrayList;
                if (bucket == null)
                {
                    bucket = new ArrayList();
                    bucket.Add(held);
                    _index[key] = bucket;
                }
                if (!bucket.Contains(contact)) bucket.Add(contact);
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
            object held = _index[Key(digits)];
            if (held == null) return new Contact[0];
            ArrayList bucket = held as ArrayList;
            int n = bucket == null ? 1 : bucket.Count;
            int[] scores = new int[n];
            int best = 0;
            for (int i = 0; i < n; i++)
            {
                scores[i] = BestScore(digits, bucket == null ? (Contact)held : (Contact)bucket[i]);
                if (scores[i] > best) best = scores[i];
            }
            if (best == 0) return new Contact[0];
            int found = 0;
            for (int i = 0; i < n; i++) if (scores[i] == best) found++;
            Contact[] result = new Contact[found];
            found = 0;
            for (int i = 0; i < n; i++) if (scores[i] == best) result[found++] = bucket == null ? (Contact)held : (Contact)bucket[i];
            return result;
        }

        /// <summary>The best score of <paramref name="contact"/>'s numbers against <paramref name="digits"/>.</summary>
        private static int BestScore(string digits, Contact contact)
        {
            int best = 0;
            for (int i = 0; i < contact.NumberCount; i++)
            {
                string other = PhoneNumber.Normalise(contact.NumberAt(i));
                if (other == null) continue;
                int score = Score(digits, other);
                if (score > best) best = score;
            }
            return best;
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

        /// <summary>
        /// The index key, a boxed int rather than a string to keep 10 000 keys small: the last
        /// <see cref="PhoneNumber.MinSuffix"/> digits as a number, or for a short number minus the
        /// number written after a 1 (so "012" and "12" stay apart).
        /// </summary>
        private static object Key(string digits)
        {
            if (digits.Length < PhoneNumber.MinSuffix)
            {
                int shortKey = 1;
                for (int i = 0; i < digits.Length; i++) shortKey = shortKey * 10 + (digits[i] - '0');
                return -shortKey;
            }
            int key = 0;
            for (int i = digits.Length - PhoneNumber.MinSuffix; i < digits.Length; i++) key = key * 10 + (digits[i] - '0');
            return key;
        }
    }
}
