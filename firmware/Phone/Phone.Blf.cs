// BLF keys: a dialog subscription per key once registered, the lamp from the colleague's calls, pickup or a call on a press.
using DeskPhone.Firmware.Blf;
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Lamps;
using DeskPhone.Firmware.Sip;
using DeskPhone.Firmware.Sip.Call;
using DeskPhone.Firmware.Sip.Subscription;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Phone
{
    /// <summary>
    /// Busy lamp fields (RFC 4235). Each BLF key subscribes Event: dialog to its target after the first
    /// successful registration. Lamp (from the scheme): idle off; ringing there red fast flash (as
    /// Yealink and Poly show a BLF call that can be picked up); busy red steady; subscription failed
    /// red broken flash. Press: while the colleague's phone rings, pick the call up (the pickup code and
    /// the extension when "features.blfPickupCode" is set, else an INVITE with Replaces to the caller,
    /// see <see cref="CallPickup"/>) and show who is calling; otherwise, idle, busy or failed, call the
    /// colleague like a speed dial (a busy colleague gets call waiting or answers busy). During a call
    /// a press only shows the colleague's state.
    /// </summary>
    public sealed partial class Phone : IBlfListener
    {
        private BlfWatch[] _blf; // by KeyConfig.Index; null for keys of other kinds

        /// <summary>The watch behind the key at <paramref name="keyIndex"/> (file order), or null (not BLF, or not subscribed yet).</summary>
        public BlfWatch BlfWatchAt(int keyIndex)
        {
            if (_blf == null || keyIndex < 0 || keyIndex >= _blf.Length) return null;
            return _blf[keyIndex];
        }

        /// <summary>Subscribes every BLF key, once (called when registration succeeds).</summary>
        private void StartBlf()
        {
            if (_blf != null) return;
            SubscriptionManager manager = EnsureSubscriptions();
            if (manager == null) return;
            _blf = new BlfWatch[_config.KeyCount];
            for (int i = 0; i < _blf.Length; i++)
            {
                KeyConfig key = _config.KeyAt(i);
                if (key.Kind != KeyKind.Blf || key.TargetUri == null) continue;
                BlfWatch watch = new BlfWatch(manager, key.Account != null ? key.Account : _config.DefaultAccount, key.Target, this);
                watch.Context = key;
                _blf[i] = watch;
                watch.Start();
            }
        }

        /// <inheritdoc/>
        public void BlfChanged(BlfWatch watch)
        {
            UpdateLamps();
        }

        /// <summary>The lamp of a BLF key.</summary>
        private LampState BlfLamp(KeyConfig key)
        {
            BlfWatch watch = BlfWatchAt(key.Index);
            return _config.LampScheme.For(watch == null ? LampMeaning.Idle : watch.Meaning);
        }

        private void BlfKeyPressed(KeyConfig key)
        {
            BlfWatch watch = BlfWatchAt(key.Index);
            DialogInfoDialog ringing = watch == null ? null : watch.Ringing;
            bool free = Mode == PhoneMode.Idle || Mode == PhoneMode.Dialing;
            if (ringing == null)
            {
                if (free) PlaceCall(key.Target);
                else ShowMessage(key.Label + ": " + BlfWatch.StatusName(watch == null ? BlfStatus.Idle : watch.Status));
                return;
            }
            string caller = CallerText(ringing);
            if (!free)
            {
                ShowMessage(key.Label + ": " + caller + " ringing");
                return;
            }
            string target = PickupTarget(key, ringing);
            if (target == null)
            {
                ShowMessage("Cannot pick up " + caller + ": no call details");
                return;
            }
            _hw.Log.Write(LogLevel.Info, "phone", "BLF pickup of " + ringing.ToString() + " ringing at " + key.Target);
            ShowMessage("Pickup: " + caller);
            PlaceCall(target);
        }

        /// <summary>The pickup code and the colleague's extension, or the caller's address with Replaces; null when neither can be made.</summary>
        private string PickupTarget(KeyConfig key, DialogInfoDialog ringing)
        {
            string code = _config.BlfPickupCode;
            if (code != null && key.TargetUri != null && key.TargetUri.User != null) return code + SipUri.Unescape(key.TargetUri.User);
            // The identity (AOR) goes through the proxy's location lookup, which a NATed Contact would not survive.
            string caller = ringing.RemoteIdentity != null ? ringing.RemoteIdentity : ringing.RemoteTarget;
            return CallPickup.Target(caller, ringing.CallId, ringing.LocalTag, ringing.RemoteTag);
        }

        /// <summary>"Carol 203", "203", or "unknown caller": the NOTIFY's remote identity.</summary>
        private static string CallerText(DialogInfoDialog d)
        {
            string number = null;
            SipUri uri;
            string why;
            if (d.RemoteIdentity != null && SipUri.TryParse(d.RemoteIdentity, out uri, out why))
            {
                number = uri.User != null ? SipUri.Unescape(uri.User) : uri.Host;
            }
            string name = d.RemoteDisplay != null && d.RemoteDisplay.Trim().Length > 0 ? d.RemoteDisplay.Trim() : null;
            if (name != null && number != null && name != number) return name + " " + number;
            if (name != null) return name;
            return number != null ? number : "unknown caller";
        }
    }
}
