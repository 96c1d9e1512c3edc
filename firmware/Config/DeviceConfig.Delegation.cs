// The pending pairings of a device file (the shared keys' own delegation is on KeyConfig.Delegation).
namespace DeskPhone.Firmware.Config
{
    public sealed partial class DeviceConfig
    {
        private PendingPairing[] _pendingPairings = new PendingPairing[0];

        /// <summary>How many pending pairings the file lists ("pendingPairings").</summary>
        public int PendingPairingCount { get { return _pendingPairings.Length; } }

        /// <summary>The pending pairing at <paramref name="index"/>, in file order.</summary>
        public PendingPairing PendingPairingAt(int index) { return _pendingPairings[index]; }

        internal DeviceConfig WithDelegation(PendingPairing[] pending)
        {
            _pendingPairings = pending == null ? new PendingPairing[0] : pending;
            return this;
        }
    }
}
