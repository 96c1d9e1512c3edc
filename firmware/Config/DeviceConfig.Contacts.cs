// Where the phone's contact directory comes from ("contacts").
using DeskPhone.Firmware.Contacts;

namespace DeskPhone.Firmware.Config
{
    public sealed partial class DeviceConfig
    {
        private string _contactsFile = ContactsSection.DefaultFile;
        private LookupUrl _contactsLookup;

        /// <summary>The contacts file's name in the phone's storage ("contacts.json" unless the device file names another).</summary>
        public string ContactsFile { get { return _contactsFile; } }

        /// <summary>Where numbers the directory does not know are looked up, or null.</summary>
        public LookupUrl ContactsLookup { get { return _contactsLookup; } }

        internal DeviceConfig WithContacts(string file, LookupUrl lookup)
        {
            _contactsFile = file;
            _contactsLookup = lookup;
            return this;
        }
    }
}
