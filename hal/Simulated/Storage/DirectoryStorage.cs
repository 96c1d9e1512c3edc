// Storage in a directory: write a temporary file, flush it to disk, rename it over the old one.
using DeskPhone.Hal;

namespace DeskPhone.Hal.Simulated.Storage;

/// <summary>
/// Files under a root directory, replaced atomically: the new content goes to "NAME.tmp", is
/// flushed to the device, and is renamed over NAME (rename is atomic on POSIX file systems). A power
/// cut before the rename leaves the old file and a stray .tmp, which the next start removes.
/// Used by the simulator (state that survives restarts) and the Raspberry Pi backend.
/// </summary>
public sealed class DirectoryStorage : IStorage
{
    private readonly string _root;
    private readonly object _gate = new();

    /// <summary>Storage under <paramref name="root"/> (created when missing); stray temporary files are removed.</summary>
    public DirectoryStorage(string root)
    {
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
        foreach (var tmp in Directory.EnumerateFiles(_root, "*.tmp", SearchOption.AllDirectories)) File.Delete(tmp);
    }

    /// <summary>Test hook: runs after the temporary file is on disk, before the rename.</summary>
    public Action<string>? BeforeRename { get; set; }

    /// <inheritdoc/>
    public byte[]? Read(string name)
    {
        if (!StorageNames.IsValid(name)) return null;
        lock (_gate)
        {
            string path = PathOf(name);
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
        }
    }

    /// <inheritdoc/>
    public bool WriteAtomic(string name, byte[] data, int offset, int count)
    {
        if (!StorageNames.IsValid(name) || offset < 0 || count < 0 || offset + count > data.Length) return false;
        lock (_gate)
        {
            string path = PathOf(name);
            string tmp = path + ".tmp";
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                using (var f = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None))
                {
                    f.Write(data, offset, count);
                    f.Flush(flushToDisk: true);
                }
                BeforeRename?.Invoke(tmp);
                File.Move(tmp, path, overwrite: true);
                return true;
            }
            catch (IOException)
            {
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }
        }
    }

    /// <inheritdoc/>
    public bool Delete(string name)
    {
        if (!StorageNames.IsValid(name)) return false;
        lock (_gate)
        {
            string path = PathOf(name);
            if (!File.Exists(path)) return false;
            File.Delete(path);
            return true;
        }
    }

    /// <inheritdoc/>
    public string[] List()
    {
        lock (_gate)
        {
            return Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories)
                .Where(p => !p.EndsWith(".tmp", StringComparison.Ordinal))
                .Select(p => Path.GetRelativePath(_root, p).Replace('\\', '/'))
                .ToArray();
        }
    }

    /// <inheritdoc/>
    public int Length(string name)
    {
        if (!StorageNames.IsValid(name)) return -1;
        lock (_gate)
        {
            var info = new FileInfo(PathOf(name));
            return info.Exists ? (int)Math.Min(info.Length, int.MaxValue) : -1;
        }
    }

    /// <inheritdoc/>
    public bool Append(string name, byte[] data, int offset, int count)
    {
        if (!StorageNames.IsValid(name) || offset < 0 || count < 0 || offset + count > data.Length) return false;
        lock (_gate)
        {
            string path = PathOf(name);
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                using var f = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
                f.Write(data, offset, count);
                return true;
            }
            catch (IOException) { return false; }
            catch (UnauthorizedAccessException) { return false; }
        }
    }

    /// <inheritdoc/>
    public bool WriteAt(string name, int position, byte[] data, int offset, int count)
    {
        if (!StorageNames.IsValid(name) || position < 0 || offset < 0 || count < 0 || offset + count > data.Length) return false;
        lock (_gate)
        {
            string path = PathOf(name);
            try
            {
                if (!File.Exists(path)) return false;
                using var f = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read);
                if ((long)position + count > f.Length) return false;
                f.Seek(position, SeekOrigin.Begin);
                f.Write(data, offset, count);
                return true;
            }
            catch (IOException) { return false; }
            catch (UnauthorizedAccessException) { return false; }
        }
    }

    /// <inheritdoc/>
    public int ReadAt(string name, int position, byte[] buffer, int offset, int count)
    {
        if (!StorageNames.IsValid(name) || buffer == null || position < 0 || offset < 0 || count < 0 || offset > buffer.Length - count) return -1;
        lock (_gate)
        {
            string path = PathOf(name);
            try
            {
                if (!File.Exists(path)) return -1;
                using var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                if (position >= f.Length) return 0;
                f.Seek(position, SeekOrigin.Begin);
                int done = 0;
                while (done < count)
                {
                    int n = f.Read(buffer, offset + done, count - done);
                    if (n <= 0) break;
                    done += n;
                }
                return done;
            }
            catch (IOException) { return -1; }
            catch (UnauthorizedAccessException) { return -1; }
        }
    }

    private string PathOf(string name) => Path.Combine(_root, name);
}
