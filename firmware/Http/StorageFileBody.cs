// A stored file as a response body, read from storage in pieces (IStorage.ReadAt).
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Http
{
    /// <summary>A file in <see cref="IStorage"/> sent as a body without reading it whole.</summary>
    public sealed class StorageFileBody : IHttpBodySource
    {
        private readonly IStorage _storage;
        private readonly string _name;
        private readonly int _length;

        private StorageFileBody(IStorage storage, string name, int length)
        {
            _storage = storage;
            _name = name;
            _length = length;
        }

        /// <summary>The file <paramref name="name"/> as it is now, or null when there is no such file.</summary>
        public static StorageFileBody Open(IStorage storage, string name)
        {
            int length = storage.Length(name);
            return length < 0 ? null : new StorageFileBody(storage, name, length);
        }

        /// <summary>The storage name.</summary>
        public string Name { get { return _name; } }

        /// <summary>The file's length when it was opened.</summary>
        public int Length { get { return _length; } }

        /// <summary>Reads from storage; a file shortened or deleted meanwhile reads 0 or less.</summary>
        public int Read(int position, byte[] buffer, int offset, int count)
        {
            return _storage.ReadAt(_name, position, buffer, offset, count);
        }
    }
}
