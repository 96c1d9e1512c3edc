// Holds the running device configuration and swaps it only for a file that is entirely valid.
using System;

namespace DeskPhone.Firmware.Config
{
    /// <summary>Raised after the running configuration was replaced.</summary>
    /// <param name="previous">The configuration before (null on the first load).</param>
    /// <param name="current">The configuration now running.</param>
    public delegate void DeviceConfigChangedHandler(DeviceConfig previous, DeviceConfig current);

    /// <summary>
    /// The phone's current <see cref="DeviceConfig"/>. A new file replaces it only when the whole
    /// file is valid; a bad file changes nothing and hands back its errors. Owned by the event
    /// loop thread like all phone state, so it takes no locks.
    /// </summary>
    public sealed class DeviceConfigStore
    {
        private DeviceConfig _current;
        private int _generation;

        /// <summary>A store with no configuration yet.</summary>
        public DeviceConfigStore()
        {
        }

        /// <summary>The running configuration, or null before the first successful load.</summary>
        public DeviceConfig Current { get { return _current; } }

        /// <summary>How many times a configuration has been applied (0 before the first).</summary>
        public int Generation { get { return _generation; } }

        private DeviceConfigChangedHandler _changed;

        /// <summary>Raised after each successful replacement, on the caller's thread.</summary>
        /// <remarks>
        /// Written-out accessors: a field-like event compiles to Interlocked.CompareExchange&lt;T&gt;,
        /// a generic method nanoFramework does not have. The store lives on the loop thread anyway.
        /// </remarks>
        public event DeviceConfigChangedHandler Changed
        {
            add { _changed = (DeviceConfigChangedHandler)Delegate.Combine(_changed, value); }
            remove { _changed = (DeviceConfigChangedHandler)Delegate.Remove(_changed, value); }
        }

        /// <summary>
        /// Checks <paramref name="text"/> (the file <paramref name="fileName"/>) and, only if it has no
        /// errors, makes it the running configuration and raises <see cref="Changed"/>. Returns false
        /// with every error otherwise; <see cref="Current"/> is then exactly what it was.
        /// </summary>
        public bool TryReplace(string fileName, string text, out ConfigErrors errors)
        {
            DeviceConfig next;
            if (!DeviceConfigLoader.TryLoad(fileName, text, out next, out errors))
            {
                return false;
            }
            DeviceConfig previous = _current;
            _current = next;
            _generation++;
            DeviceConfigChangedHandler handler = _changed;
            if (handler != null)
            {
                handler(previous, next);
            }
            return true;
        }
    }
}
