// Shared (delegated) line keys: the call-info subscription per key, lamps from the appearances, key presses (seize, pickup), permissions.
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Delegation;
using DeskPhone.Firmware.Lamps;
using DeskPhone.Firmware.Media;
using DeskPhone.Firmware.Sip.Call;
using DeskPhone.Firmware.Sip.Subscription;
using DeskPhone.Firmware.Ui;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Phone
{
    /// <summary>
    /// Shared line keys (PHONE-BEHAVIOUR "Shared line appearances" and "Delegation"). Each shared key
    /// watches its line (<see cref="SharedLine"/>: one call-info SUBSCRIBE after the first registration,
    /// refreshed in its dialog). The lamp shows this phone's calls on the line first (ringing here green
    /// fast, seized/dialing/active green steady, held by me green slow), then the others' (ringing red
    /// fast, held red slow, busy red steady, held privately red steady + "priv" on the idle screen).
    /// Press when idle: a call someone holds publicly is picked up (a new INVITE to the line naming the
    /// appearance; the softswitch adds Replaces), one held privately is refused on the screen, otherwise
    /// an appearance is seized (line-seize) and the dial screen says whose identity the call goes out
    /// with ("as Ann Lee 203"). Without the pairing's permission the lamp still shows the line, and the
    /// press says what is not allowed. Calls to the line (forked by the softswitch) ring on the key with
    /// "for Ann Lee", VIP callers with the VIP cadence and badge (Phone.Shared.Calls.cs).
    /// </summary>
    public sealed partial class Phone : ISharedLineListener
    {
        private SharedLine[] _shared; // by KeyConfig.Index; null for keys of other kinds
        private bool _dialOnSeize;

        /// <summary>The shared line behind the key at <paramref name="keyIndex"/> (file order), or null (not shared, or not watching yet).</summary>
        public SharedLine SharedLineAt(int keyIndex)
        {
            if (_shared == null || keyIndex < 0 || keyIndex >= _shared.Length) return null;
            return _shared[keyIndex];
        }

        /// <summary>Hook (RegistrationChanged, registered): every shared key subscribes to its line, once.</summary>
        private void StartShared()
        {
            if (_shared != null) return;
            SubscriptionManager manager = EnsureSubscriptions();
            if (manager == null) return;
            _shared = new SharedLine[_config.KeyCount];
            for (int i = 0; i < _shared.Length; i++)
            {
                KeyConfig key = _config.KeyAt(i);
                if (key.Kind != KeyKind.Shared || key.TargetUri == null) continue;
                SharedLine line = new SharedLine(manager, key.Account != null ? key.Account : _config.DefaultAccount, key.Target, key.Delegation, this);
                line.Context = key;
                _shared[i] = line;
                line.Start();
            }
        }

        /// <inheritdoc/>
        public void AppearancesChanged(SharedLine line)
        {
            ResolveElsewhere(line); // Phone.Shared.Calls.cs: a call that rang here and was answered on another phone
            UpdateLamps();
            if (Mode == PhoneMode.Idle) Redraw();
        }

        /// <inheritdoc/>
        public void SeizeChanged(SharedLine line)
        {
            int number = KeyNumberOf(line);
            bool dialingHere = Mode == PhoneMode.Dialing && number > 0 && ActiveLine == number;
            if (!dialingHere)
            {
                if (line.SeizeStatus == SeizeStatus.Seized && line != SeizeOwnerLine) line.ReleaseSeize(); // the user moved on before it came
                UpdateLamps();
                return;
            }
            switch (line.SeizeStatus)
            {
                case SeizeStatus.Seized:
                    Refresh();
                    if (_dialOnSeize) { _dialOnSeize = false; Dial(); }
                    break;
                case SeizeStatus.Busy:
                    _dialOnSeize = false;
                    HangUp();
                    ShowMessage(Whose(line) + " line is busy");
                    break;
                case SeizeStatus.Refused:
                    _dialOnSeize = false;
                    HangUp();
                    ShowMessage("Line not available: " + (line.SeizeProblem == null ? "refused" : line.SeizeProblem));
                    break;
                default:
                    Refresh();
                    break;
            }
        }

        /// <summary>Hook (Phone.View.cs LampFor): a shared key's lamp.</summary>
        private LampState SharedLamp(KeyConfig key)
        {
            LampScheme scheme = _config.LampScheme;
            SharedLine line = SharedLineAt(key.Index);
            if (line == null) return scheme.For(LampMeaning.Idle);
            int number = KeyNumberOf(line);
            if (_call != null && !_call.IsEnded && OnLine(_call, line))
            {
                if (Mode == PhoneMode.Ringing) return scheme.For(MayAnswer(line) ? LampMeaning.RingingMine : LampMeaning.RingingOthers);
                return scheme.For(_call.LocalHold ? LampMeaning.HeldByMe : LampMeaning.MineActive);
            }
            if (_waiting != null && OnLine(_waiting, line)) return scheme.For(LampMeaning.RingingMine);
            if ((Mode == PhoneMode.Dialing && number > 0 && ActiveLine == number)
                || line.SeizeStatus == SeizeStatus.Seizing || line.SeizeStatus == SeizeStatus.Seized) return scheme.For(LampMeaning.MineActive);
            for (int i = 0; i < _held.Count; i++)
            {
                if (OnLine(_held.CallAt(i), line)) return scheme.For(LampMeaning.HeldByMe);
            }
            return scheme.For(line.OthersMeaning());
        }

        /// <summary>Hook (Phone.View.cs DrawIdle): "held Ann (exec)" — what the others do on each shared key of the page.</summary>
        private void LabelSharedKeys(IdleModel m, KeyConfig[] keys)
        {
            for (int i = 0; i < m.KeyLabels.Length && i < keys.Length; i++)
            {
                if (keys[i].Kind != KeyKind.Shared) continue;
                SharedLine line = SharedLineAt(keys[i].Index);
                string word = line == null ? null : line.OthersWord();
                if (word != null && line.MineCount == 0) m.KeyLabels[i] = word + " " + keys[i].Label; // the state first: a label column is 10 characters
            }
        }

        /// <summary>Hook (Phone.View.cs DrawDialing): the identity a call from a shared key goes out with ("Ann Lee 203").</summary>
        private string SharedIdentity(KeyConfig key, string identity)
        {
            if (key == null || key.Kind != KeyKind.Shared) return identity;
            SharedLine line = SharedLineAt(key.Index);
            if (line == null || line.IsOwnLine) return identity;
            return (key.Delegation != null ? key.Delegation.For : key.Label) + " " + line.User;
        }

        /// <summary>Hook (Phone.Keys.cs LineKeyPressed): a shared key pressed outside the call keys' meanings.</summary>
        private void SharedKeyPressed(int number, KeyConfig key)
        {
            SharedLine line = SharedLineAt(key.Index);
            if (line == null) { ShowMessage(key.Label + ": not available yet"); return; }
            if (Mode == PhoneMode.Ringing && _call != null && OnLine(_call, line))
            {
                AnswerCall(_keypad.IsDown(KeyCodes.Hook) ? AudioRoute.Handset : AudioRoute.Speaker);
                return;
            }
            if (Mode == PhoneMode.Dialing && ActiveLine == number) { HangUp(); return; }
            if (Mode != PhoneMode.Idle && Mode != PhoneMode.Dialing)
            {
                ShowMessage(LineText(line)); // "Carol 204 held": who the others talk to (a call-screen message has one short line)
                return;
            }
            CallInfoAppearance held = line.OthersIn(AppearanceState.Held);
            if (held != null) { PickUpHeld(number, line, held); return; }
            CallInfoAppearance secret = line.OthersIn(AppearanceState.HeldPrivate);
            if (secret != null)
            {
                ShowMessage("Private call" + (secret.RemoteText == null ? "" : ": " + secret.RemoteText));
                return;
            }
            if (line.Delegation != null && !line.Delegation.PlaceCalls)
            {
                ShowMessage("Not allowed to call as " + Owner(line));
                return;
            }
            if (Registration != RegistrationState.Registered) { ShowMessage("No calls: not registered"); return; }
            AudioRoute route = _keypad.IsDown(KeyCodes.Hook) ? AudioRoute.Handset : AudioRoute.Speaker;
            if (Mode == PhoneMode.Dialing) HangUp();
            _dialOnSeize = false;
            StartDialing(number, route);
            line.Seize();
        }

        /// <summary>Hook (Phone.Dialing.cs Dial): true while the shared key's appearance is not seized yet (it dials once it is).</summary>
        private bool SharedDialWaits()
        {
            KeyConfig key = KeyOnLine(ActiveLine);
            if (key == null || key.Kind != KeyKind.Shared) return false;
            SharedLine line = SharedLineAt(key.Index);
            if (line == null) return false;
            switch (line.SeizeStatus)
            {
                case SeizeStatus.Seized:
                    return false;
                case SeizeStatus.Seizing:
                    _dialOnSeize = true;
                    ShowMessage("Seizing the line");
                    return true;
                case SeizeStatus.Idle:
                    _dialOnSeize = true;
                    line.Seize();
                    return true;
                default:
                    ShowMessage(Whose(line) + " line is not available");
                    return true;
            }
        }

        /// <summary>Hook (Phone.Dialing.cs HangUp): an appearance seized and not dialed on goes back.</summary>
        private void ReleaseSharedSeize()
        {
            _dialOnSeize = false;
            if (_shared == null) return;
            for (int i = 0; i < _shared.Length; i++)
            {
                SharedLine line = _shared[i];
                if (line == null || line == SeizeOwnerLine) continue;
                if (line.SeizeStatus == SeizeStatus.Seizing || line.SeizeStatus == SeizeStatus.Seized) line.ReleaseSeize();
            }
        }

        /// <summary>The line-key number (1-based, on the shown page) of <paramref name="line"/>'s key, or 0 when it is on another page.</summary>
        private int KeyNumberOf(SharedLine line)
        {
            KeyConfig key = line.Context as KeyConfig;
            KeyConfig[] keys = PageKeys();
            for (int i = 0; i < keys.Length; i++)
            {
                if (keys[i] == key) return i + 1;
            }
            return 0;
        }

        private static bool MayAnswer(SharedLine line)
        {
            return line.Delegation == null || line.Delegation.Answer;
        }

        /// <summary>Whose line: "Ann Lee" (the pairing's "for"), else the key's label.</summary>
        private static string Owner(SharedLine line)
        {
            if (line.Delegation != null && line.Delegation.For != null) return line.Delegation.For;
            KeyConfig key = line.Context as KeyConfig;
            return key != null ? key.Label : line.User;
        }

        /// <summary>"Ann Lee's", or "Your" for the phone's own shared line.</summary>
        private static string Whose(SharedLine line)
        {
            return line.IsOwnLine ? "Your" : Owner(line) + "'s";
        }

        /// <summary>"idle", "Carol 204 held", "busy (201)": the others' first appearance, for a message.</summary>
        private static string LineText(SharedLine line)
        {
            CallInfoAppearance a = line.OthersAny();
            if (a == null) return line.Failed ? "not available" : "idle";
            string state = CallInfoAppearance.StateName(a.State);
            return a.RemoteText == null ? state : a.RemoteText + " " + state;
        }
    }
}
