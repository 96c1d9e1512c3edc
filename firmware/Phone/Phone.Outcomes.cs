// Call outcomes: when a talked or placed call ends the screen asks what became of it; the choice goes on its history entry.
using System.Collections;
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.History;
using DeskPhone.Firmware.Ui;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Phone
{
    /// <summary>
    /// With enabled outcomes in the device file, a call that was answered, or a call placed from here
    /// (answered or not: "No answer" is an outcome; not calls to an emergency number or the voicemail box), opens <see cref="PhoneMode.Outcome"/> once the phone is
    /// idle again. Up/Down move, OK or Choose stores the label on the entry, Skip (or Back) leaves it
    /// without one; so do a new call ringing and <see cref="OutcomeTimeoutMs"/> without a key. Only then is
    /// the entry final and <c>OnCallLogged</c> called. From the history screen the "Outcome" softkey sets or
    /// changes an entry's outcome later (<c>OnOutcomeChanged</c>).
    /// </summary>
    public sealed partial class Phone
    {
        /// <summary>How long the outcome screen waits for a key before the call is logged without one.</summary>
        public const int OutcomeTimeoutMs = 60000;

        private readonly ArrayList _outcomeQueue = new ArrayList(); // CallRecords waiting for an outcome, oldest first
        private CallRecord _outcomeRecord;    // the entry the outcome screen is about, or null
        private CallOutcome[] _outcomeChoices; // the enabled outcomes as they were when the screen opened
        private int _outcomeIndex;
        private bool _outcomeLater;           // opened from the history screen: a change, not the call's end
        private LoopTimer _outcomeTimer;

        /// <summary>A history entry's outcome was set or changed after the entry was logged (from the history screen).</summary>
        partial void OnOutcomeChanged(CallRecord record);

        /// <summary>The entry the outcome screen is about, or null when it is not shown.</summary>
        public CallRecord OutcomeRecord { get { return Mode == PhoneMode.Outcome ? _outcomeRecord : null; } }

        /// <summary>The labels the outcome screen offers (empty when it is not shown).</summary>
        public string[] OfferedOutcomes
        {
            get
            {
                if (Mode != PhoneMode.Outcome || _outcomeChoices == null) return new string[0];
                return Labels(_outcomeChoices);
            }
        }

        /// <summary>The selected outcome on the outcome screen.</summary>
        public int OutcomeIndex { get { return _outcomeIndex; } }

        /// <summary>
        /// Chooses the outcome with id or label <paramref name="idOrLabel"/> (case-blind) on the outcome screen,
        /// as Up/Down and OK would (for the simulator and tests). False when the screen is not shown or offers no such outcome.
        /// </summary>
        public bool ChooseOutcome(string idOrLabel)
        {
            if (Mode != PhoneMode.Outcome || _outcomeChoices == null || idOrLabel == null) return false;
            for (int i = 0; i < _outcomeChoices.Length; i++)
            {
                CallOutcome o = _outcomeChoices[i];
                if (SameText(o.Id, idOrLabel) || SameText(o.Label, idOrLabel))
                {
                    _outcomeIndex = i;
                    OutcomeChosen();
                    return true;
                }
            }
            return false;
        }

        /// <summary>Skips the outcome screen as its Skip softkey does. False when it is not shown.</summary>
        public bool SkipOutcome()
        {
            if (Mode != PhoneMode.Outcome) return false;
            OutcomeSkipped();
            return true;
        }

        /// <summary>Hook (Phone.History.cs RecordCall): true when the entry waits for an outcome (logged later), false to log it now.</summary>
        private bool AwaitOutcome(CallRecord r)
        {
            if (r.Kind == CallKind.Missed || r.Ending == CallEnding.Replaced) return false; // nobody talked here; a replaced call goes on elsewhere
            if (_config.EnabledOutcomes.Length == 0) return false;
            if (r.Number != null && (_config.Roles.IsEmergency(r.Number) || IsMailboxNumber(r.Number))) return false; // not a call with a contact
            _outcomeQueue.Add(r);
            return true;
        }

        /// <summary>Hook (Phone.Calls.cs CallEnded): opens the outcome screen for the oldest waiting entry once the phone is idle.</summary>
        private void OfferOutcome()
        {
            if (Mode != PhoneMode.Idle || _call != null || _outcomeQueue.Count == 0) return;
            CallRecord r = (CallRecord)_outcomeQueue[0];
            _outcomeQueue.RemoveAt(0);
            OpenOutcome(r, false);
        }

        /// <summary>Hook (Phone.Calls.cs IncomingCall, PlaceCall): another call takes the outcome screen; the waiting entries are logged without an outcome.</summary>
        private void LeaveOutcome(string why)
        {
            if (Mode != PhoneMode.Outcome) return;
            _hw.Log.Write(LogLevel.Info, "history", "outcome screen closed: " + why);
            bool later = _outcomeLater;
            CallRecord r = CloseOutcome();
            if (!later && r != null) OnCallLogged(r); // Phone.CallEvents.cs: final without an outcome
            LogWaitingWithoutOutcome();
        }

        /// <summary>Hook (history screen softkey 3): sets or changes the selected entry's outcome.</summary>
        private void OutcomeLater()
        {
            CallRecord[] items = _history.Select(_historyFilter);
            if (_historyIndex >= items.Length) return;
            if (_config.EnabledOutcomes.Length == 0) { ShowMessage("No outcomes set up"); return; }
            OpenOutcome(items[_historyIndex], true);
        }

        private void OpenOutcome(CallRecord r, bool later)
        {
            _outcomeRecord = r;
            _outcomeLater = later;
            _outcomeChoices = _config.EnabledOutcomes;
            _outcomeIndex = 0;
            for (int i = 0; i < _outcomeChoices.Length; i++) if (_outcomeChoices[i].Label == r.Outcome) _outcomeIndex = i;
            Mode = PhoneMode.Outcome;
            RestartOutcomeTimer();
            _hw.Log.Write(LogLevel.Info, "history", "asking the outcome of the call " + (later ? "chosen in the history" : "that ended") + " (" + r.Shown + ")");
            Refresh();
        }

        /// <summary>Keys on the outcome screen; false lets the key do what it does on the idle screen (the call is logged without an outcome first).</summary>
        private bool OutcomeKey(int keyCode)
        {
            switch (keyCode)
            {
                case KeyCodes.Up: if (_outcomeIndex > 0) _outcomeIndex--; RestartOutcomeTimer(); Redraw(); return true;
                case KeyCodes.Down: if (_outcomeIndex < _outcomeChoices.Length - 1) _outcomeIndex++; RestartOutcomeTimer(); Redraw(); return true;
                case KeyCodes.Ok: case KeyCodes.Soft1: OutcomeChosen(); return true;
                case KeyCodes.Back: case KeyCodes.Soft1 + 3: OutcomeSkipped(); return true;
                case KeyCodes.VolumeUp: case KeyCodes.VolumeDown: return false;
            }
            if (KeyCodes.IsDialPad(keyCode) && !_outcomeLater)
            {
                OutcomeSkipped(); // typing a number: the next call starts, as it would from idle
                return Mode == PhoneMode.Outcome;
            }
            if (KeyCodes.IsDialPad(keyCode) || (keyCode >= KeyCodes.Soft1 && keyCode <= KeyCodes.Soft1 + 3)) return true;
            LeaveOutcome("key " + KeyCodes.Name(keyCode)); // the phone is idle: the key does what it does there
            return false;
        }

        private void OutcomeChosen()
        {
            CallRecord r = _outcomeRecord;
            if (r == null || _outcomeChoices.Length == 0) { OutcomeSkipped(); return; }
            string label = _outcomeChoices[_outcomeIndex].Label;
            bool changed = r.Outcome != label;
            r.Outcome = label;
            SaveHistory();
            _hw.Log.Write(LogLevel.Info, "history", "outcome of the call " + r.Shown + ": " + label);
            bool later = _outcomeLater;
            CloseOutcome();
            if (!later) OnCallLogged(r); // Phone.CallEvents.cs: the entry is final now
            else if (changed) OnOutcomeChanged(r);
            AfterOutcome(later);
        }

        private void OutcomeSkipped()
        {
            bool later = _outcomeLater;
            CallRecord r = CloseOutcome();
            if (!later && r != null) OnCallLogged(r);
            AfterOutcome(later);
        }

        private void OutcomeTimedOut()
        {
            _outcomeTimer = null;
            if (Mode != PhoneMode.Outcome) return;
            _hw.Log.Write(LogLevel.Info, "history", "no outcome chosen in " + (OutcomeTimeoutMs / 1000).ToString() + " s");
            bool later = _outcomeLater;
            CallRecord r = CloseOutcome();
            if (!later && r != null) OnCallLogged(r);
            LogWaitingWithoutOutcome(); // nobody is at the desk: the others are logged too
            Refresh();
        }

        /// <summary>Back to the history screen (a later change) or on to the next call waiting for its outcome.</summary>
        private void AfterOutcome(bool later)
        {
            if (later)
            {
                Mode = PhoneMode.History;
                Redraw();
                return;
            }
            Refresh();
            OfferOutcome();
        }

        /// <summary>The screen goes (to idle); returns the entry it was about.</summary>
        private CallRecord CloseOutcome()
        {
            if (_outcomeTimer != null) { _outcomeTimer.Cancel(); _outcomeTimer = null; }
            CallRecord r = _outcomeRecord;
            _outcomeRecord = null;
            _outcomeChoices = null;
            _outcomeLater = false;
            if (Mode == PhoneMode.Outcome) Mode = PhoneMode.Idle;
            return r;
        }

        private void LogWaitingWithoutOutcome()
        {
            while (_outcomeQueue.Count > 0)
            {
                CallRecord r = (CallRecord)_outcomeQueue[0];
                _outcomeQueue.RemoveAt(0);
                OnCallLogged(r);
            }
        }

        private void RestartOutcomeTimer()
        {
            if (_outcomeTimer != null) _outcomeTimer.Cancel();
            _outcomeTimer = _loop.StartTimer(OutcomeTimeoutMs, OutcomeTimedOut);
        }

        /// <summary>Hook (Redraw): the outcome screen.</summary>
        private void DrawOutcome()
        {
            if (_outcomeRecord == null || _outcomeChoices == null) return;
            OutcomeView.Draw(_screen, _outcomeRecord.Shown, Labels(_outcomeChoices), _outcomeIndex, _outcomeRecord.Outcome, null);
        }

        /// <summary>True when <paramref name="number"/> is the user part of one of the accounts' voicemail boxes.</summary>
        private bool IsMailboxNumber(string number)
        {
            for (int i = 0; i < _config.AccountCount; i++)
            {
                AccountConfig a = _config.AccountAt(i);
                if (a.Mailbox != null && a.Mailbox.User == number) return true;
            }
            return false;
        }

        private static string[] Labels(CallOutcome[] outcomes)
        {
            string[] labels = new string[outcomes.Length];
            for (int i = 0; i < outcomes.Length; i++) labels[i] = outcomes[i].Label;
            return labels;
        }

        private static bool SameText(string a, string b)
        {
            return a != null && b != null && a.ToLower() == b.ToLower();
        }
    }
}
