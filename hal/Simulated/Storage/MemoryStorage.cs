// Storage in memory with a power-cut knob, for tests of what survives a cut.
using DeskPhone.Hal;

namespace DeskPhone.Hal.Simulated.Storage;

/// <summary>
/// Files in memory. <see cref="CutPowerDuringNextWrite"/> makes the next write stop after some
/// bytes, as if power failed: the write reports failure and the file keeps its old content, which
/// is the promise <see cref="IStorage.WriteAtomic"/> makes. <see cref="Full"/> makes every write
/// fail, as a full flash drive would.
/// </summary>
public sealed class MemoryStorage : IStorage
{
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private int? _cutAfterBytes;

    /// <summary>Writes that were cut short by the knob.</summary>
    public int CutWrites { get; private set; }

    /// <summary>While true every write, append and patch fails (the drive is full); reads still work.</summary>
    public bool Full { get; set; }

    /// <summary>The next write loses power after <paramref name="bytesWritten"/> bytes.</summary>
    public void CutPowerDuringNextWrite(int bytesWritten) { lock (_files) _cutAfterBytes = bytesWritten; }

    /// <inheritdoc/>
    public byte[]? Read(string name)
    {
        lock (_files) return StorageNames.IsValid(name) && _files.TryGetValue(name, out var b) ? (byte[])b.Clone() : null;
    }

    /// <inheritdoc/>
    public bool WriteAtomic(string name, byte[] data, int offset, int count)
    {
        if (!StorageNames.IsValid(name) || offset < 0 || count < 0 || offset + count > data.Length) return false;
        var copy = new byte[count];
        Array.Copy(data, offset, copy, 0, count);
        lock (_files)
        {
            if (Full) return false;
            if (_cutAfterBytes is int cut)
            {
                _cutAfterBytes = null;
                if (cut < count)
                {
                    CutWrites++;
                    return false; // the temporary copy is torn; the named file was never touched
                }
            }
            _files[name] = copy;
            return true;
        }
    }

    /// <inheritdoc/>
    public bool Delete(string name) { lock (_files) return _files.Remove(name); }

    /// <inheritdoc/>
    public string[] List() { lock (_files) return _files.Keys.ToArray(); }

    /// <inheritdoc/>
    public int Length(string name)
    {
        lock (_files) return StorageNames.IsValid(name) && _files.TryGetValue(name, out var b) ? b.Length : -1;
    }

    /// <inheritdoc/>
    public bool Append(string name, byte[] data, int offset, int count)
    {
        if (!StorageNames.IsValid(name) || offset < 0 || count < 0 || offset + count > data.Length) return false;
        lock (_files)
        {
            if (Full) return false;
            var old = _files.TryGetValue(name, out var b) ? b : Array.Empty<byte>();
            var grown = new byte[old.Length + count];
            Array.Copy(old, grown, old.Length);
            Array.Copy(data, offset, grown, old.Length, count);
            _files[name] = grown;
            return true;
        }
    }

    /// <inheritdoc/>
    public bool WriteAt(string name, int position, byte[] data, int offset, int count)
    {
        if (!StorageNames.IsValid(name) || position < 0 || offset < 0 || count < 0 || offset + count > data.Length) return false;
        lock (_files)
        {
            if (Full || !_files.TryGetValue(name, out var b) || position + count > b.Length) return false;
            Array.Copy(data, offset, b, position, count);
            return true;
        }
    }

    /// <inheritdoc/>
    public int ReadAt(string name, int position, byte[] buffer, int offset, int count)
    {
        if (!StorageNames.IsValid(name) || buffer == null || position < 0 || offset < 0 || count < 0 || offset > buffer.Length - count) return -1;
        lock (_files)
        {
            if (!_files.TryGetValue(name, out var b)) return -1;
            if (position >= b.Length) return 0;
            int n = Math.Min(count, b.Length - position);
            Array.Copy(b, position, buffer, offset, n);
            return n;
        }
    }
}
