// One recording in the phone's storage, with the call it belongs to.
using DeskPhone.Firmware.History;

namespace DeskPhone.Firmware.Phone
{
    /// <summary>A WAV under "rec/": its storage name, its size and the history entry that names it (null when none does any more).</summary>
    public sealed class RecordingEntry
    {
        /// <summary>The entry.</summary>
        public RecordingEntry(string name, int bytes, CallRecord call)
        {
            Name = name;
            Bytes = bytes;
            Call = call;
        }

        /// <summary>"rec/20261123-090500-202.wav".</summary>
        public readonly string Name;

        /// <summary>The file's size in bytes (header included).</summary>
        public readonly int Bytes;

        /// <summary>The call it recorded, from the history; null when the entry has left the history.</summary>
        public readonly CallRecord Call;

        /// <summary>True for a screened caller's message ("...-screened.wav").</summary>
        public bool Screened { get { return Phone.IsScreenedName(Name); } }
    }
}
