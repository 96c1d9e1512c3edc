// Ringing per line: the cadence and volume from the device file ("ring" of the line key or account), else standard at the user's ring volume.
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Media;
using DeskPhone.Firmware.Sip.Call;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Phone
{
    public sealed partial class Phone
    {
        private SipCall _ringingCall; // the call ringing at its line's volume, until it stops ringing
        private int _ringingVolume = -1;

        /// <summary>The volume the phone rings at now, or -1 when it is not ringing.</summary>
        public int RingingVolume { get { return _ringingVolume; } }

        /// <summary>Hook (IncomingCall): plays the ring of the call's line at that line's volume.</summary>
        private void StartRing(SipCall call)
        {
            RingSettings ring = RingFor(call.Account);
            _audio.Play(IsVipCall(call) ? Tone.RingVip : RingTone(ring == null ? RingCadence.Standard : ring.Cadence)); // IsVipCall: Phone.Shared.Calls.cs
            int volume = ring != null && ring.Volume >= 0 ? ring.Volume : _settings.RingVolume;
            _hw.Audio.SetVolume(volume);
            _ringingCall = call;
            _ringingVolume = volume;
        }

        /// <summary>Once the ringing call is answered or gone, the codec goes back to the talking volume.</summary>
        private void FollowRing(SipCall call)
        {
            if (call != _ringingCall) return;
            if (!call.IsEnded && (call.State == CallState.Idle || call.State == CallState.Ringing)) return;
            _ringingCall = null;
            _ringingVolume = -1;
            _hw.Audio.SetVolume(_settings.Volume);
        }

        /// <summary>The "ring" of the line key for <paramref name="account"/> when it has one, else the account's, else null.</summary>
        private RingSettings RingFor(AccountConfig account)
        {
            for (int i = 0; i < _config.KeyCount; i++)
            {
                KeyConfig key = _config.KeyAt(i);
                if ((key.Kind == KeyKind.Line || key.Kind == KeyKind.Shared) && key.Account == account && key.Ring != null) return key.Ring;
            }
            return account == null ? null : account.Ring;
        }

        /// <summary>The tone of a cadence.</summary>
        public static Tone RingTone(RingCadence cadence)
        {
            switch (cadence)
            {
                case RingCadence.Short: return Tone.RingShort;
                case RingCadence.Triple: return Tone.RingTriple;
                case RingCadence.Vip: return Tone.RingVip;
                default: return Tone.Ring;
            }
        }
    }
}
