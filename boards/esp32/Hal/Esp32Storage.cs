// Files in the ESP32's internal flash drive (I:\): small ones replaced atomically by write-new-then-rename, long ones appended and patched.
using System;
using System.Collections;
using System.IO;
using DeskPhone.Hal;

namespace DeskPhone.Boards.Esp32
{
    /// <summary>
    /// <see cref="IStorage"/> on nanoFramework's internal flash file system. The drive has no folders
    /// on SPIFFS images, so "config/device.json" is kept flat as "config~device.json". A write goes to
    /// "NAME!new", is renamed to "NAME!ok" once complete, then replaces NAME; a read first finishes a
    /// replacement a power cut interrupted, so a file is the old or the new content, never a mix
    /// (as far as the flash file system's rename is atomic).
    /// </summary>
    public sealed class Esp32Storage : IStorage
    {
        /// <summary>nanoFramework's internal flash drive on the ESP32.</summary>
        public const string InternalDrive = "I:\\";

        /// <summary>Longest storage name accepted.</summary>
        public const int MaxNameLength = 64;

        private const string NewSuffix = "!new";
        private const string DoneSuffix = "!ok";

        private readonly string _root;
        private readonly object _gate = new object();

        /// <summary>Storage in <paramref name="root"/> ("I:\\").</summary>
        public Esp32Storage(string root)
        {
            _root = root;
        }

        /// <inheritdoc/>
        public byte[] Read(string name)
        {
            string path = PathOf(name);
            if (path == null) return null;
            lock (_gate)
            {
                try
                {
                    Recover(path);
                    if (!File.Exists(path)) return null;
                    using (FileStream stream = new FileStream(path, FileMode.Open, FileAccess.Read))
                    {
                        byte[] data = new byte[(int)stream.Length];
                        int done = 0;
                        while (done < data.Length)
                        {
                            int n = stream.Read(data, done, data.Length - done);
                            if (n <= 0) return null;
                            done += n;
                        }
                        return data;
                    }
                }
                catch (Exception)
                {
                    return null;
                }
            }
        }

        /// <inheritdoc/>
        public bool WriteAtomic(string name, byte[] data, int offset, int count)
        {
            string path = PathOf(name);
            if (path == null || data == null || offset < 0 || count < 0 || offset + count > data.Length) return false;
            lock (_gate)
            {
                try
                {
                    string fresh = path + NewSuffix;
                    string done = path + DoneSuffix;
                    DeleteIfExists(fresh);
                    using (FileStream stream = new FileStream(fresh, FileMode.Create, FileAccess.Write))
                    {
                        stream.Write(data, offset, count);
                        stream.Flush();
                    }
                    DeleteIfExists(done);
                    File.Move(fresh, done); // complete: from here on a reboot finishes the replacement
                    Commit(path, done);
                    return true;
                }
                catch (Exception)
                {
                    return false;
                }
            }
        }

        /// <inheritdoc/>
        public bool Delete(string name)
        {
            string path = PathOf(name);
            if (path == null) return false;
            lock (_gate)
            {
                try
                {
                    bool existed = File.Exists(path) || File.Exists(path + DoneSuffix);
                    DeleteIfExists(path);
                    DeleteIfExists(path + DoneSuffix);
                    DeleteIfExists(path + NewSuffix);
                    return existed;
                }
                catch (Exception)
                {
                    return false;
                }
            }
        }

        /// <inheritdoc/>
        public string[] List()
        {
            ArrayList names = new ArrayList();
            lock (_gate)
            {
                string[] files;
                try
                {
                    files = Directory.GetFiles(_root);
                }
                catch (Exception)
                {
                    return new string[0];
                }
                for (int i = 0; i < files.Length; i++)
                {
                    string file = FileNameOf(files[i]);
                    if (EndsWith(file, NewSuffix)) continue;
                    if (EndsWith(file, DoneSuffix))
                    {
                        file = file.Substring(0, file.Length - DoneSuffix.Length);
                        if (File.Exists(_root + file)) continue; // listed under its own name
                    }
                    string name = Unescape(file);
                    if (!names.Contains(name)) names.Add(name);
                }
            }
            return (string[])names.ToArray(typeof(string));
        }

        /// <inheritdoc/>
        public int Length(string name)
        {
            string path = PathOf(name);
            if (path == null) return -1;
            lock (_gate)
            {
                try
                {
                    Recover(path);
                    if (!File.Exists(path)) return -1;
                    using (FileStream stream = new FileStream(path, FileMode.Open, FileAccess.Read))
                    {
                        return (int)stream.Length;
                    }
                }
                catch (Exception)
                {
                    return -1;
                }
            }
        }

        /// <inheritdoc/>
        public bool Append(string name, byte[] data, int offset, int count)
        {
            string path = PathOf(name);
            if (path == null || data == null || offset < 0 || count < 0 || offset + count > data.Length) return false;
            lock (_gate)
            {
                try
                {
                    Recover(path);
                    FileMode mode = File.Exists(path) ? FileMode.Append : FileMode.Create;
                    using (FileStream stream = new FileStream(path, mode, FileAccess.Write))
                    {
                        stream.Write(data, offset, count);
                        stream.Flush();
                    }
                    return true;
                }
                catch (Exception)
                {
                    return false;
                }
            }
        }

        /// <inheritdoc/>
        public bool WriteAt(string name, int position, byte[] data, int offset, int count)
        {
            string path = PathOf(name);
            if (path == null || data == null || position < 0 || offset < 0 || count < 0 || offset + count > data.Length) return false;
            lock (_gate)
            {
                try
                {
                    Recover(path);
                    if (!File.Exists(path)) return false;
                    using (FileStream stream = new FileStream(path, FileMode.Open, FileAccess.Write))
                    {
                        if ((long)position + count > stream.Length) return false;
                        stream.Seek(position, SeekOrigin.Begin);
                        stream.Write(data, offset, count);
                        stream.Flush();
                    }
                    return true;
                }
                catch (Exception)
                {
                    return false;
                }
            }
        }

        /// <inheritdoc/>
        public int ReadAt(string name, int position, byte[] buffer, int offset, int count)
        {
            string path = PathOf(name);
            if (path == null || buffer == null || position < 0 || offset < 0 || count < 0 || offset > buffer.Length - count) return -1;
            lock (_gate)
            {
                try
                {
                    Recover(path);
                    if (!File.Exists(path)) return -1;
                    using (FileStream stream = new FileStream(path, FileMode.Open, FileAccess.Read))
                    {
                        if (position >= stream.Length) return 0;
                        stream.Seek(position, SeekOrigin.Begin);
                        int done = 0;
                        while (done < count)
                        {
                            int n = stream.Read(buffer, offset + done, count - done);
                            if (n <= 0) break;
                            done += n;
                        }
                        return done;
                    }
                }
                catch (Exception)
                {
                    return -1;
                }
            }
        }

        /// <summary>The file behind storage name <paramref name="name"/>, or null for a name storage does not accept.</summary>
        private string PathOf(string name)
        {
            if (name == null || name.Length == 0 || name.Length > MaxNameLength || name[0] == '/' || name[name.Length - 1] == '/')
            {
                return null;
            }
            char[] chars = name.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_' || c == '/';
                if (!ok) return null;
                if (c == '/') chars[i] = '~';
            }
            return _root + new string(chars);
        }

        /// <summary>Finishes a replacement a power cut interrupted and drops a half-written new file.</summary>
        private static void Recover(string path)
        {
            string done = path + DoneSuffix;
            if (File.Exists(done)) Commit(path, done);
            DeleteIfExists(path + NewSuffix);
        }

        private static void Commit(string path, string done)
        {
            DeleteIfExists(path);
            File.Move(done, path);
        }

        private static void DeleteIfExists(string path)
        {
            if (File.Exists(path)) File.Delete(path);
        }

        private static string FileNameOf(string path)
        {
            int slash = path.LastIndexOf('\\');
            return slash < 0 ? path : path.Substring(slash + 1);
        }

        private static bool EndsWith(string s, string suffix)
        {
            return s.Length >= suffix.Length && s.Substring(s.Length - suffix.Length) == suffix;
        }

        private static string Unescape(string file)
        {
            char[] chars = file.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (chars[i] == '~') chars[i] = '/';
            }
            return new string(chars);
        }
    }
}
