// Files in flash or on disk: small ones replaced atomically, long ones (recordings) written in pieces.
namespace DeskPhone.Hal
{
    /// <summary>
    /// Named files ("config/device.json", "history.bin", "rec/20261123-090500-202.wav"). A
    /// <see cref="WriteAtomic"/> replaces the whole file atomically: after a power cut the file holds
    /// the old or the new content, never a mix. Long files that cannot be held in RAM (a call's
    /// recording) grow with <see cref="Append"/> and are patched in place with <see cref="WriteAt"/>;
    /// those two are not atomic: a power cut may lose the last piece written. Long files are read back
    /// in pieces with <see cref="ReadAt"/> (a recording sent over HTTP without holding it in RAM).
    /// </summary>
    public interface IStorage
    {
        /// <summary>The file's bytes, or null when there is no such file.</summary>
        byte[] Read(string name);

        /// <summary>Replaces the file with <paramref name="count"/> bytes; false when it failed (the old file stays).</summary>
        bool WriteAtomic(string name, byte[] data, int offset, int count);

        /// <summary>Removes the file; false when there was none.</summary>
        bool Delete(string name);

        /// <summary>The names of all files, in no particular order.</summary>
        string[] List();

        /// <summary>The file's size in bytes, or -1 when there is no such file.</summary>
        int Length(string name);

        /// <summary>
        /// Adds <paramref name="count"/> bytes at the end of the file, creating it when missing; false
        /// when it failed (a full drive, a bad name). Not atomic: a power cut may lose these bytes.
        /// </summary>
        bool Append(string name, byte[] data, int offset, int count);

        /// <summary>
        /// Overwrites <paramref name="count"/> bytes of an existing file from byte <paramref name="position"/>
        /// (a header patched once the length is known); false when the file is missing or the range
        /// does not lie inside it. Not atomic.
        /// </summary>
        bool WriteAt(string name, int position, byte[] data, int offset, int count);

        /// <summary>
        /// Reads up to <paramref name="count"/> bytes of the file from byte <paramref name="position"/>
        /// into <paramref name="buffer"/> at <paramref name="offset"/>; returns how many were read (fewer
        /// only at the end of the file, 0 at or past its end), or -1 when the file is missing, the name
        /// is not one storage accepts or the slice does not fit the buffer. Never reads the whole file.
        /// </summary>
        int ReadAt(string name, int position, byte[] buffer, int offset, int count);
    }
}
