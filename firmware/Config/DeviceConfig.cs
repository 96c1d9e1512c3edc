// A whole, valid device file: identity, accounts, keys, feature switches and display settings.
namespace DeskPhone.Firmware.Config
{
    /// <summary>
    /// The phone's configuration, built only by <see cref="DeviceConfigLoader"/> from a file that
    /// passed every check. Read-only: the array properties hand out copies.
    /// </summary>
    public sealed partial class DeviceConfig
    {
        private readonly AccountConfig[] _accounts;
        private readonly KeyConfig[] _keys;

        internal DeviceConfig(string fileName, DeviceIdentity device, AccountConfig[] accounts, KeyConfig[] keys,
            FeatureSwitches features, DisplaySettings display)
        {
            FileName = fileName;
            Device = device;
            _accounts = accounts;
            _keys = keys;
            Features = features;
            Display = display;
        }

        /// <summary>The name the file was loaded under ("front-desk.json").</summary>
        public string FileName { get; private set; }

        /// <summary>Who this phone is.</summary>
        public DeviceIdentity Device { get; private set; }

        /// <summary>Behaviour switches.</summary>
        public FeatureSwitches Features { get; private set; }

        /// <summary>Screen settings.</summary>
        public DisplaySettings Display { get; private set; }

        /// <summary>How many accounts there are (at least one).</summary>
        public int AccountCount { get { return _accounts.Length; } }

        /// <summary>The account at <paramref name="index"/>, in file order.</summary>
        public AccountConfig AccountAt(int index) { return _accounts[index]; }

        /// <summary>A copy of all accounts in file order.</summary>
        public AccountConfig[] Accounts
        {
            get
            {
                AccountConfig[] copy = new AccountConfig[_accounts.Length];
                for (int i = 0; i < copy.Length; i++)
                {
                    copy[i] = _accounts[i];
                }
                return copy;
            }
        }

        /// <summary>The first account in the file.</summary>
        public AccountConfig DefaultAccount { get { return _accounts[0]; } }

        /// <summary>How many keys there are (may be 0).</summary>
        public int KeyCount { get { return _keys.Length; } }

        /// <summary>The key at <paramref name="index"/>, in file order.</summary>
        public KeyConfig KeyAt(int index) { return _keys[index]; }

        /// <summary>A copy of all keys in file order.</summary>
        public KeyConfig[] Keys
        {
            get
            {
                KeyConfig[] copy = new KeyConfig[_keys.Length];
                for (int i = 0; i < copy.Length; i++)
                {
                    copy[i] = _keys[i];
                }
                return copy;
            }
        }

        /// <summary>The account with id <paramref name="id"/> (exact match), or null.</summary>
        public AccountConfig FindAccount(string id)
        {
            for (int i = 0; i < _accounts.Length; i++)
            {
                if (_accounts[i].Id == id)
                {
                    return _accounts[i];
                }
            }
            return null;
        }

        /// <summary>The keys on <paramref name="page"/> in file order; empty when the page has none.</summary>
        public KeyConfig[] KeysOnPage(int page)
        {
            int count = 0;
            for (int i = 0; i < _keys.Length; i++)
            {
                if (_keys[i].Page == page)
                {
                    count++;
                }
            }
            KeyConfig[] result = new KeyConfig[count];
            int n = 0;
            for (int i = 0; i < _keys.Length; i++)
            {
                if (_keys[i].Page == page)
                {
                    result[n++] = _keys[i];
                }
            }
            return result;
        }

        /// <summary>The highest page any key is on; 1 when there are no keys.</summary>
        public int PageCount
        {
            get
            {
                int max = 1;
                for (int i = 0; i < _keys.Length; i++)
                {
                    if (_keys[i].Page > max)
                    {
                        max = _keys[i].Page;
                    }
                }
                return max;
            }
        }
    }
}
