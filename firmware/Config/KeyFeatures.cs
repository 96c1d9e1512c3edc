// The phone functions a "feature" key may trigger.
namespace DeskPhone.Firmware.Config
{
    /// <summary>Values of a feature key's "feature" field; compare <see cref="KeyConfig.Feature"/> with these.</summary>
    public static class KeyFeatures
    {
        /// <summary>Do not disturb on/off.</summary>
        public const string Dnd = "dnd";
        /// <summary>Transfer the current call.</summary>
        public const string Transfer = "transfer";
        /// <summary>Park the current call.</summary>
        public const string Park = "park";
        /// <summary>Record the current call.</summary>
        public const string Record = "record";
        /// <summary>Microphone mute.</summary>
        public const string Mute = "mute";
        /// <summary>Hold/resume.</summary>
        public const string Hold = "hold";
        /// <summary>Headset on/off.</summary>
        public const string Headset = "headset";
        /// <summary>Speakerphone on/off.</summary>
        public const string Speaker = "speaker";
        /// <summary>Call the last number again.</summary>
        public const string Redial = "redial";
        /// <summary>Intercom/paging.</summary>
        public const string Page = "page";
        /// <summary>Louder.</summary>
        public const string VolumeUp = "volume-up";
        /// <summary>Quieter.</summary>
        public const string VolumeDown = "volume-down";
        /// <summary>The call history screen.</summary>
        public const string History = "history";
        /// <summary>Voicemail: its lamp flashes while messages wait (MWI); pressing calls the mailbox.</summary>
        public const string Voicemail = "voicemail";

        /// <summary>Every feature name, in the order the README lists them.</summary>
        internal static readonly string[] All =
        {
            Dnd, Transfer, Park, Record, Mute, Hold, Headset, Speaker, Redial, Page, VolumeUp, VolumeDown,
            History, Voicemail
        };

        /// <summary>The default label for each entry of <see cref="All"/>.</summary>
        internal static readonly string[] Labels =
        {
            "DND", "Transfer", "Park", "Record", "Mute", "Hold", "Headset", "Speaker", "Redial", "Page", "Vol +", "Vol -",
            "History", "Voicemail"
        };
    }
}
