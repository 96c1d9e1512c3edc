// Small files in flash or on disk, replaced atomically.
namespace DeskPhone.Hal
{
    /// <summary>
    /// Named files ("config/device.json", "history.bin"). A write replaces the whole file
    /// atomically: after a power cut the file holds the old or the new content, never a mix.
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
    }
}
