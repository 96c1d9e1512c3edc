// Park: a blind REFER of the call to a park slot's URI; a park-slot key calls the slot to take the call back.
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Lamps;
using DeskPhone.Firmware.Sip.Call;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Phone
{
    public sealed partial class Phone
    {
        /// <summary>
        /// Parks the connected call on <paramref name="slot"/> (a "park" key), or on the first slot
        /// not known to be taken when null. Like a blind transfer: hold, then REFER once the hold is
        /// acknowledged; the call ends when the park server reports 200 ("Parked on 701").
        /// </summary>
        private void ParkCall(KeyConfig slot)
        {
            if (_call == null || _call.State != CallState.Connected || Mode != PhoneMode.InCall || _xfer != TransferState.Idle)
            {
                ShowMessage("Park: needs a connected call");
                return;
            }
            if (slot == null) slot = ChooseParkSlot();
            if (slot == null || slot.Target == null) { ShowMessage("Park: no park slot set up"); return; }
            ClearTransfer();
            _xferCall = _call;
            _xferPark = true;
            _xferTarget = slot.Target;
            _xferDone = "Parked on " + SlotName(slot);
            _hw.Log.Write(LogLevel.Info, "phone", "parking on " + slot.Target);
            if (!_call.LocalHold && !_call.ReinvitePending) _xferHoldAsked = _call.Hold();
            SetTransferState(TransferState.AwaitingHold);
            TryRefer();
            Refresh();
        }

        /// <summary>True when the configuration has a park slot key.</summary>
        private bool HasParkSlot
        {
            get
            {
                for (int i = 0; i < _config.KeyCount; i++)
                {
                    if (_config.KeyAt(i).Kind == KeyKind.Park) return true;
                }
                return false;
            }
        }

        /// <summary>
        /// The first park slot whose lamp does not show a parked call; every slot taken, the first.
        /// A slot's lamp is known only for keys on the page shown, and only once BLF watches the slot
        /// (Phone.Blf.cs): a slot we know nothing about (lamp off or "failed") counts as free.
        /// </summary>
        private KeyConfig ChooseParkSlot()
        {
            KeyConfig first = null;
            for (int i = 0; i < _config.KeyCount; i++)
            {
                KeyConfig key = _config.KeyAt(i);
                if (key.Kind != KeyKind.Park || key.Target == null) continue;
                if (first == null) first = key;
                if (!ParkSlotTaken(key)) return key;
            }
            return first;
        }

        private bool ParkSlotTaken(KeyConfig slot)
        {
            KeyConfig[] keys = PageKeys();
            for (int i = 0; i < keys.Length; i++)
            {
                if (keys[i] != slot) continue;
                LampState lamp = LampFor(i + 1);
                return !lamp.IsOff && !lamp.SameAs(_config.LampScheme.For(LampMeaning.Failed)); // a failed watch tells nothing
            }
            return false;
        }

        /// <summary>"701" for sip:701@office.example, else the key's label.</summary>
        private static string SlotName(KeyConfig slot)
        {
            if (slot.TargetUri != null && slot.TargetUri.User != null && slot.TargetUri.User.Length > 0) return slot.TargetUri.User;
            return slot.Label != null ? slot.Label : slot.Target;
        }
    }
}
