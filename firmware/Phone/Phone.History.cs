// Call history: every call is recorded when it ends, kept in atomic storage, and shown on the history screen.
using System.Collections;
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.History;
using DeskPhone.Firmware.Sip.Call;
using DeskPhone.Firmware.Ui;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Phone
{
    public sealed partial class Phone
    {
        private static readonly string[] MonthNames = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

        private readonly CallHistory _history = new CallHistory(CallHistory.DefaultCapacity);
        private readonly Hashtable _callNotes = new Hashtable(); // SipCall -> CallNote, from the first state change to the end
        private HistoryFilter _historyFilter;
        private int _historyIndex;
        private int _historyFirst;

        /// <summary>When a call began and when it connected, noted until it ends.</summary>
        private sealed class CallNote
        {
            public System.DateTime Start;
            public long ConnectedAtMs = -1;
        }

        /// <summary>The call history, newest first.</summary>
        public CallHistory History { get { return _history; } }

        /// <summary>What reading the history file at boot found (null before boot).</summary>
        public HistoryReadResult HistoryLoad { get; private set; }

        /// <summary>Missed calls not yet seen in the history screen (the idle screen's "2 missed").</summary>
        public int MissedCalls { get { return _history.UnreadMissed; } }

        /// <summary>The list the history screen shows.</summary>
        public HistoryFilter HistoryFilter { get { return _historyFilter; } }

        /// <summary>The selected call on the history screen (index into the list shown).</summary>
        public int HistoryIndex { get { return _historyIndex; } }

        /// <summary>Reads the history file at boot; a damaged file is logged and what could be read is kept.</summary>
        private void LoadHistory()
        {
            byte[] data = _hw.Storage.Read(HistoryFile.FileName);
            HistoryReadResult r = HistoryFile.Read(data, _history);
            HistoryLoad = r;
            if (r.Problem != null)
                _hw.Log.Write(LogLevel.Warning, "history", HistoryFile.FileName + " is damaged (" + r.Problem + "): starting with the " + r.Read.ToString() + " calls read");
            else if (data != null)
                _hw.Log.Write(LogLevel.Info, "history", r.Read.ToString() + " calls read from " + HistoryFile.FileName);
            if (r.Version > HistoryFile.Version)
                _hw.Log.Write(LogLevel.Warning, "history", HistoryFile.FileName + " is format " + r.Version.ToString() + ", newer than this firmware's " + HistoryFile.Version.ToString() + ": fields it does not know are dropped on the next save");
        }

        private void SaveHistory()
        {
            byte[] data = HistoryFile.Encode(_history);
            if (!_hw.Storage.WriteAtomic(HistoryFile.FileName, data, 0, data.Length))
                _hw.Log.Write(LogLevel.Warning, "history", "could not save " + HistoryFile.FileName + " (the previous history stays)");
        }

        /// <summary>Hook (CallStateChanged, every call): notes when a call began and connected; follows its ring.</summary>
        private void TrackCall(SipCall call)
        {
            CallNote note = _callNotes[call] as CallNote;
            if (note == null && call.State != CallState.Terminated)
            {
                note = new CallNote();
                note.Start = _hw.Clock.WallClock;
                _callNotes[call] = note;
            }
            if (note != null && call.State == CallState.Connected && note.ConnectedAtMs < 0) note.ConnectedAtMs = _hw.Clock.NowMs;
            FollowRing(call);
            ForgetMenu();
        }

        /// <summary>Hook (CallEnded, every call): the call goes into the history, which is saved.</summary>
        private void RecordCall(SipCall call)
        {
            CallNote note = _callNotes[call] as CallNote;
            _callNotes.Remove(call);
            FollowRing(call);
            CallRecord r = RecordOf(call, note);
            OnCallEnding(call, r); // Phone.CallEvents.cs: what the features add (recording, contact)
            _history.Add(r);
            SaveHistory();
            _hw.Log.Write(LogLevel.Info, "history", CallRecord.KindName(r.Kind) + " call " + r.Shown + " (" + CallRecord.EndingName(r.Ending) + ")");
            if (!AwaitOutcome(r)) OnCallLogged(r); // Phone.Outcomes.cs: with outcomes it is logged once one is chosen or skipped; Phone.CallEvents.cs
        }

        private CallRecord RecordOf(SipCall call, CallNote note)
        {
            bool connected = note != null && note.ConnectedAtMs >= 0;
            CallRecord r = new CallRecord();
            r.Time = note != null ? note.Start : _hw.Clock.WallClock;
            r.DurationSeconds = connected ? (int)((_hw.Clock.NowMs - note.ConnectedAtMs) / 1000) : 0;
            r.Status = call.EndStatus;
            if (call.Direction == CallDirection.Outgoing) r.Kind = CallKind.Placed;
            else r.Kind = connected ? CallKind.Received : CallKind.Missed;
            r.Ending = EndingOf(call, connected);
            r.Unread = r.Kind == CallKind.Missed && r.Ending != CallEnding.Declined; // a call the user declined was seen
            r.Line = call.Account == null ? null : call.Account.Id;
            string name = call.RemoteDisplayName;
            r.Name = name != null && name.Length > 0 ? name : null;
            r.Number = call.RemoteParty == null ? null : PartyNumber(call);
            r.Uri = call.RemoteUri;
            r.CallId = call.CallId;
            ContactRecord(call, r); // Phone.Contacts.cs: the contact (chosen, or the only match) and company
            SharedRecord(call, r); // Phone.Shared.Calls.cs: answered-by / placed-by on a shared line
            return r;
        }

        private static CallEnding EndingOf(SipCall call, bool connected)
        {
            if (call.EndReason == "replaced") return CallEnding.Replaced;
            if (connected) return call.EndedRemotely ? CallEnding.RemoteHangup : CallEnding.Hangup;
            int s = call.EndStatus;
            if (s == 487) return CallEnding.Cancelled;
            if (s == 603) return CallEnding.Declined;
            if (s == 486 || s == 600) return CallEnding.Busy;
            if (call.Direction == CallDirection.Incoming) return s == 480 ? CallEnding.Refused : CallEnding.Failed;
            return s == 408 || s == 480 ? CallEnding.NoAnswer : CallEnding.Failed;
        }

        /// <summary>Opens the history screen: the missed calls when some are unread, else all calls.</summary>
        private void OpenHistory()
        {
            if (Mode != PhoneMode.Idle && Mode != PhoneMode.History && Mode != PhoneMode.Settings) return;
            ShowHistory(_history.UnreadMissed > 0 ? HistoryFilter.Missed : HistoryFilter.All);
        }

        private void ShowHistory(HistoryFilter filter)
        {
            Mode = PhoneMode.History;
            _historyFilter = filter;
            _historyIndex = 0;
            _historyFirst = 0;
            if ((filter == HistoryFilter.Missed || filter == HistoryFilter.All) && _history.MarkMissedRead()) SaveHistory();
            Redraw();
        }

        /// <summary>Keys on the history screen; false lets the key do what it does elsewhere.</summary>
        private bool HistoryKey(int keyCode)
        {
            int count = _history.Select(_historyFilter).Length;
            switch (keyCode)
            {
                case KeyCodes.Up: if (_historyIndex > 0) { _historyIndex--; Redraw(); } return true;
                case KeyCodes.Down: if (_historyIndex < count - 1) { _historyIndex++; Redraw(); } return true;
                case KeyCodes.Right: case KeyCodes.Soft1 + 1: ShowHistory((HistoryFilter)(((int)_historyFilter + 1) % 4)); return true;
                case KeyCodes.Left: ShowHistory((HistoryFilter)(((int)_historyFilter + 3) % 4)); return true;
                case KeyCodes.Ok: case KeyCodes.Soft1: CallBack(); return true;
                case KeyCodes.Soft1 + 2: if (count > 0 && _config.EnabledOutcomes.Length > 0) OutcomeLater(); return true; // Phone.Outcomes.cs
                case KeyCodes.Back: case KeyCodes.Soft1 + 3: CloseMenu(); return true;
            }
            return false;
        }

        /// <summary>Calls the selected entry back, on the line it came in on when that line has a key.</summary>
        private void CallBack()
        {
            CallRecord[] items = _history.Select(_historyFilter);
            if (_historyIndex >= items.Length) return;
            CallRecord r = items[_historyIndex];
            string target = r.CallBackTarget;
            if (target == null) { ShowMessage("No number to call back"); return; }
            AccountConfig account = r.Line == null ? null : _config.FindAccount(r.Line);
            ActiveLine = LineKeyFor(account != null ? account : _config.DefaultAccount);
            Route = _keypad.IsDown(KeyCodes.Hook) ? AudioRoute.Handset : AudioRoute.Speaker;
            _hw.Log.Write(LogLevel.Info, "phone", "calling back " + target + " from the history");
            PlaceCall(target);
            if (Mode == PhoneMode.History) ActiveLine = 0; // it did not go out (the message says why)
        }

        private void DrawHistory()
        {
            CallRecord[] items = _history.Select(_historyFilter);
            if (_historyIndex >= items.Length) _historyIndex = items.Length == 0 ? 0 : items.Length - 1;
            if (_historyIndex < _historyFirst) _historyFirst = _historyIndex;
            if (_historyIndex >= _historyFirst + HistoryView.Rows) _historyFirst = _historyIndex - HistoryView.Rows + 1;
            HistoryModel m = new HistoryModel();
            m.Title = FilterTitle(_historyFilter);
            m.Message = Message;
            m.Soft2 = "Filter";
            m.Soft4 = "Back";
            if (items.Length == 0)
            {
                m.Empty = _historyFilter == HistoryFilter.All ? "No calls yet" : "No " + FilterTitle(_historyFilter).ToLower();
            }
            else
            {
                int n = items.Length - _historyFirst;
                if (n > HistoryView.Rows) n = HistoryView.Rows;
                m.Names = new string[n];
                m.Times = new string[n];
                m.Recorded = new bool[n];
                for (int i = 0; i < n; i++)
                {
                    m.Names[i] = items[_historyFirst + i].Shown;
                    m.Times[i] = WhenText(items[_historyFirst + i].Time);
                    m.Recorded[i] = items[_historyFirst + i].Recording != null; // Phone.Recording.cs: a dot marks a recording
                }
                m.Selected = _historyIndex - _historyFirst;
                m.Position = (_historyIndex + 1).ToString() + "/" + items.Length.ToString();
                m.Detail = RecordingDetail(items[_historyIndex], DetailText(items[_historyIndex])); // Phone.Recording.cs
                m.Soft1 = "Call";
                if (_config.EnabledOutcomes.Length > 0) m.Soft3 = "Result"; // "Outcome" is wider than a softkey
            }
            if (HistoryContactChoice(m, items)) return; // Phone.Contacts.cs: "Pick" a contact for a shared number, and its list
            HistoryView.Draw(_screen, m);
        }

        private static string FilterTitle(HistoryFilter f)
        {
            switch (f)
            {
                case HistoryFilter.Missed: return "Missed calls";
                case HistoryFilter.Received: return "Received calls";
                case HistoryFilter.Placed: return "Placed calls";
                default: return "All calls";
            }
        }

        /// <summary>"Missed  202", "Received  202  01:35", "Placed  203  Busy".</summary>
        private static string DetailText(CallRecord r)
        {
            if (r.Outcome != null) return (r.Number != null ? r.Number : r.Shown) + "  " + r.Outcome; // the outcome says more than the duration
            if (r.HandledBy != null) return SharedDetail(r); // Phone.Shared.Calls.cs
            string kind = r.Kind == CallKind.Missed ? "Missed" : r.Kind == CallKind.Received ? "Received" : "Placed";
            string text = kind + "  " + (r.Number != null ? r.Number : r.Shown);
            if (r.Kind != CallKind.Missed && r.DurationSeconds > 0) return text + "  " + Duration(r.DurationSeconds);
            switch (r.Ending)
            {
                case CallEnding.Declined: return text + "  Declined";
                case CallEnding.Busy: return text + "  Busy";
                case CallEnding.Refused: return text + "  DND";
                case CallEnding.NoAnswer: return text + "  No answer";
                case CallEnding.Cancelled: return r.Kind == CallKind.Placed ? text + "  Cancelled" : text;
                case CallEnding.Failed: return text + "  Failed " + r.Status.ToString();
                default: return text;
            }
        }

        /// <summary>The time for a call today ("09:05"), the date for older ones ("Nov 21").</summary>
        private string WhenText(System.DateTime t)
        {
            System.DateTime now = _hw.Clock.WallClock;
            if (t.Year == now.Year && t.Month == now.Month && t.Day == now.Day) return ClockText(t);
            return MonthNames[t.Month - 1] + " " + t.Day.ToString();
        }
    }
}
