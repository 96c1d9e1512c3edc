// What a shared key may do on the executive's line it shows: the "delegation" object of a shared key.
namespace DeskPhone.Firmware.Config
{
    /// <summary>
    /// The pairing behind a shared key (written by deskphone-provision from the office directory):
    /// whose line it is, what this phone's user may do on it, and the executive's VIP callers.
    /// The softswitch enforces the same permissions; the phone uses them to refuse early and clearly.
    /// </summary>
    public sealed class KeyDelegation
    {
        /// <summary>The permission names, in the order files write them.</summary>
        public static readonly string[] PermissionNames = { "place", "answer", "pickup", "voicemail", "recording" };

        private readonly string[] _vip;

        internal KeyDelegation(string pairingId, string forName, bool[] permissions, string[] vip)
        {
            PairingId = pairingId;
            For = forName;
            PlaceCalls = permissions[0];
            Answer = permissions[1];
            PickUpHeld = permissions[2];
            Voicemail = permissions[3];
            Recording = permissions[4];
            _vip = vip;
        }

        /// <summary>The office's id of the pairing ("p1"), or null.</summary>
        public string PairingId { get; private set; }

        /// <summary>Whose line it is, for the screen ("for Ann Lee").</summary>
        public string For { get; private set; }

        /// <summary>May place calls with the executive's identity.</summary>
        public bool PlaceCalls { get; private set; }

        /// <summary>The executive's calls ring here too.</summary>
        public bool Answer { get; private set; }

        /// <summary>May pick up the executive's (public) held calls.</summary>
        public bool PickUpHeld { get; private set; }

        /// <summary>May listen to the executive's voicemail.</summary>
        public bool Voicemail { get; private set; }

        /// <summary>May record the executive's calls and hear the recordings.</summary>
        public bool Recording { get; private set; }

        /// <summary>How many VIP callers the executive has.</summary>
        public int VipCount { get { return _vip.Length; } }

        /// <summary>The VIP caller at <paramref name="index"/>: a SIP URI or a dial string, as written.</summary>
        public string VipAt(int index) { return _vip[index]; }
    }

    /// <summary>This phone's user's side of a pending pairing.</summary>
    public enum PairingRole
    {
        /// <summary>The user would be the executive (someone offers to assist them).</summary>
        Executive = 0,
        /// <summary>The user would be the assistant.</summary>
        Assistant = 1
    }

    /// <summary>
    /// A pairing someone asked for that waits for an answer ("pendingPairings"). When
    /// <see cref="Prompt"/> is true this phone's user is the one to accept or decline it.
    /// Pending pairings give no permission.
    /// </summary>
    public sealed class PendingPairing
    {
        private readonly bool[] _permissions;

        internal PendingPairing(string id, PairingRole role, string with, string extension, bool[] permissions, bool prompt)
        {
            Id = id;
            Role = role;
            With = with;
            Extension = extension;
            _permissions = permissions;
            Prompt = prompt;
        }

        /// <summary>The pairing's id in the office ("p3"): what accept/decline name.</summary>
        public string Id { get; private set; }

        /// <summary>This user's role in it.</summary>
        public PairingRole Role { get; private set; }

        /// <summary>The other side's name.</summary>
        public string With { get; private set; }

        /// <summary>The other side's extension.</summary>
        public string Extension { get; private set; }

        /// <summary>True when this user must answer; false when they asked and wait for the other side.</summary>
        public bool Prompt { get; private set; }

        /// <summary>Whether the requested permission named <paramref name="name"/> ("place"...) is asked for.</summary>
        public bool Requests(string name)
        {
            int i = ConfigObject.IndexOf(KeyDelegation.PermissionNames, name);
            return i >= 0 && _permissions[i];
        }
    }
}
