// One person of the contact directory: who they are, where they work, the numbers they call from.
namespace DeskPhone.Firmware.Contacts
{
    /// <summary>
    /// A contact: a name, an optional company and CRM reference, and one or more numbers, each with
    /// an optional label ("work", "mobile"). Read-only once built (by <see cref="ContactFile"/>).
    /// </summary>
    public sealed class Contact
    {
        private readonly string[] _numbers;
        private readonly string[] _labels;

        /// <summary>A contact; <paramref name="labels"/> is as long as <paramref name="numbers"/> (null entries for none).</summary>
        public Contact(string name, string company, string id, string[] numbers, string[] labels)
        {
            Name = name;
            Company = company;
            Id = id;
            _numbers = numbers == null ? new string[0] : numbers;
            _labels = labels == null ? new string[_numbers.Length] : labels;
        }

        /// <summary>"Bob Stone".</summary>
        public string Name { get; private set; }

        /// <summary>"Acme Ltd", or null.</summary>
        public string Company { get; private set; }

        /// <summary>The CRM's reference for the contact ("crm-1042"), or null.</summary>
        public string Id { get; private set; }

        /// <summary>How many numbers the contact has.</summary>
        public int NumberCount { get { return _numbers.Length; } }

        /// <summary>The number at <paramref name="index"/>, as written ("+44 20 7946 0018").</summary>
        public string NumberAt(int index) { return _numbers[index]; }

        /// <summary>The label of that number ("work", "mobile"), or null.</summary>
        public string LabelAt(int index) { return _labels[index]; }

        /// <summary>"Bob Stone, Acme Ltd" (or the name alone), for lists and the log.</summary>
        public string Shown
        {
            get { return Company == null ? Name : Name + ", " + Company; }
        }
    }
}
