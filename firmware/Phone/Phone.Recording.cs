// Call recording: the office's policy (off, on, forced), the record key and softkey, the notice, the recorder's drain, history.
using System.Collections;
using System.Text;
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.History;
using DeskPhone.Firmware.Lamps;
using DeskPhone.Firmware.Media;
using DeskPhone.Firmware.Media.Recording;
using DeskPhone.Firmware.Sip.Call;
using DeskPhone.Firmware.Ui;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Phone
{
    public sealed partial class Phone
    {
        /// <summary>How often the loop moves recorded blocks from the media thread's ring to storage.</summary>
        public const int RecordingDrainMs = 200;

        /// <summary>The folder of recordings in storage.</summary>
        public const string RecordingFolder = "rec/";

        private const string ScreenedSuffix = "-screened.wav";

        private CallRecorder _recorder;     // made at the first recording, reused
        private SipCall _recordingCall;     // the call whose file is open (recording or paused), or null
        private LoopTimer _drainTimer;
        private bool _wasRecording;         // the recorder's state at the last drain: a change is said on screen and lamp
        private readonly Hashtable _closedFiles = new Hashtable(); // SipCall -> its file, closed before the call ended (another call was recorded)

        /// <summary>The office's recording policy (device file "recording").</summary>
        public RecordingPolicy RecordingPolicy { get { return _config.Recording; } }

        /// <summary>True while the current call's audio goes into a file.</summary>
        public bool IsRecording
        {
            get { return _recordingCall != null && _recordingCall == _call && _recorder.IsRecording; }
        }

        /// <summary>The recorder (null before the first recording), for its counters.</summary>
        public CallRecorder Recorder { get { return _recorder; } }

        /// <summary>
        /// The record key (and the in-call "Rec"/"Stop" softkey): starts or stops recording the current
        /// call as the policy allows. Off: "Recording is off". Forced: the recording cannot be stopped.
        /// </summary>
        public void ToggleRecording()
        {
            RecordingMode mode = _config.Recording.Mode;
            if (mode == RecordingMode.Off) { ShowMessage("Recording is off"); return; }
            if (_call == null || Mode != PhoneMode.InCall || _call.State != CallState.Connected) { ShowMessage("Record: needs a call"); return; }
            if (IsScreening) { ShowMessage("The message is recorded"); return; }
            if (IsRecording)
            {
                if (mode == RecordingMode.Forced) { ShowMessage("Recording is required"); return; }
                PauseRecording();
                ShowMessage("Recording stopped");
            }
            else if (StartRecording(_call, false)) ShowMessage("Recording");
            Refresh();
        }

        /// <summary>Every recording in storage, newest name first, with the call each belongs to.</summary>
        public RecordingEntry[] Recordings
        {
            get
            {
                string[] names = _hw.Storage.List();
                ArrayList found = new ArrayList();
                for (int i = 0; i < names.Length; i++)
                {
                    string n = names[i];
                    if (n.Length > RecordingFolder.Length + 4 && n.Substring(0, RecordingFolder.Length) == RecordingFolder && n.Substring(n.Length - 4) == ".wav") found.Add(n);
                }
                SortNames(found);
                RecordingEntry[] result = new RecordingEntry[found.Count];
                CallRecord[] calls = _history.Select(HistoryFilter.All);
                for (int i = 0; i < found.Count; i++)
                {
                    string n = (string)found[found.Count - 1 - i];
                    CallRecord call = null;
                    for (int c = 0; c < calls.Length && call == null; c++) if (calls[c].Recording == n) call = calls[c];
                    result[i] = new RecordingEntry(n, _hw.Storage.Length(n), call);
                }
                return result;
            }
        }

        private static void SortNames(ArrayList names)
        {
            for (int i = 1; i < names.Count; i++)
            {
                string n = (string)names[i];
                int j = i - 1;
                while (j >= 0 && string.Compare((string)names[j], n) > 0) { names[j + 1] = names[j]; j--; }
                names[j + 1] = n;
            }
        }

        /// <summary>True for the storage name of a screened caller's message.</summary>
        public static bool IsScreenedName(string name)
        {
            return name != null && name.Length > ScreenedSuffix.Length && name.Substring(name.Length - ScreenedSuffix.Length) == ScreenedSuffix;
        }

        /// <summary>Phone.CallEvents.cs: a call connected. Forced recording starts here; a screened call starts its greeting and message.</summary>
        partial void OnCallAnswered(SipCall call)
        {
            if (call == _screenCall) { BeginScreening(call); return; } // Phone.Screening.cs
            if (call != _call || _config.Recording.Mode != RecordingMode.Forced) return;
            if (_recordingCall != null && _recordingCall != call && !_recordingCall.IsEnded) return; // one file at a time (README)
            StartRecording(call, false);
        }

        /// <summary>Phone.CallEvents.cs: the call's file is finished and named on its history entry.</summary>
        partial void OnCallEnding(SipCall call, CallRecord record)
        {
            if (call == _screenCall) EndScreening(); // Phone.Screening.cs
            string name = call == _recordingCall ? FinishRecording() : _closedFiles[call] as string;
            _closedFiles.Remove(call);
            if (name != null) record.Recording = name;
        }

        /// <summary>Opens (or resumes) the file of <paramref name="call"/> and taps its media; false (with a message) when it cannot.</summary>
        private bool StartRecording(SipCall call, bool screened)
        {
            if (_recordingCall == call && _recorder.IsOpen)
            {
                if (!_recorder.Resume()) { ShowMessage(_recorder.Failed ? "Recording failed: storage full" : "Recording limit reached"); return false; }
                FollowRecording();
                return true;
            }
            if (_recordingCall != null)
            {
                SipCall other = _recordingCall; // a held call's file is closed, and named on its entry when it ends
                string closed = FinishRecording();
                if (closed != null && !other.IsEnded) _closedFiles[other] = closed;
            }
            int rate = call.NegotiatedMedia == null ? 0 : call.NegotiatedMedia.SampleRate;
            if (rate != 8000 && rate != 16000) { ShowMessage("Cannot record: no audio"); return false; }
            if (_recorder == null) _recorder = new CallRecorder(_hw.Storage, _hw.Log);
            if (!_recorder.Start(RecordingName(call, screened), rate, _config.Recording.MaxSeconds))
            {
                ShowMessage("Cannot record: storage full");
                return false;
            }
            _recordingCall = call;
            if (_media == null) _media = NewMediaSession(); // the call's RTP starts right after (Phone.Calls.cs SyncMedia)
            if (_drainTimer == null) _drainTimer = _loop.StartPeriodic(RecordingDrainMs, DrainRecording);
            FollowRecording();
            return true;
        }

        /// <summary>Stops taking audio; the file stays open for a resume.</summary>
        private void PauseRecording()
        {
            if (_recordingCall == null) return;
            _recorder.Pause();
            FollowRecording();
        }

        /// <summary>Closes the file (sizes patched); returns its name, or null when none was open.</summary>
        private string FinishRecording()
        {
            if (_recordingCall == null) return null;
            _recordingCall = null;
            if (_drainTimer != null) { _drainTimer.Cancel(); _drainTimer = null; }
            string name = _recorder.Stop();
            FollowRecording();
            return name;
        }

        /// <summary>The media follows the recorder: the tap while the recorded call is the one playing, the notice while recording.</summary>
        private void FollowRecording()
        {
            _wasRecording = _recordingCall != null && _recorder.IsRecording;
            if (_media == null) return;
            bool on = _recordingCall != null && _recorder.IsRecording && (_mediaCall == null || _mediaCall == _recordingCall);
            _media.Tap = _recordingCall != null && (_mediaCall == null || _mediaCall == _recordingCall) ? _recorder : null;
            Tone notice = on && _config.Recording.Notice ? Tone.RecordingNotice : null;
            if (_media.FarEndTone != notice) _media.PlayToFarEnd(notice);
        }

        /// <summary>Every <see cref="RecordingDrainMs"/>: blocks to storage; a full drive or the length limit ends the recording (said on screen).</summary>
        private void DrainRecording()
        {
            if (_recordingCall == null) return;
            bool was = _wasRecording;
            bool ok = _recorder.Drain();
            _wasRecording = _recorder.IsRecording;
            FollowRecording();
            if (!ok && was) ShowMessage("Recording failed: storage full");
            else if (was && !_recorder.IsRecording && _recorder.LimitReached)
            {
                _hw.Log.Write(LogLevel.Info, "recording", _recorder.Name + " reached its " + _config.Recording.MaxSeconds.ToString() + " s limit");
                ShowMessage("Recording limit reached");
            }
            if (was != _wasRecording) Refresh();
        }

        /// <summary>"rec/20261123-090500-202.wav" (a screened message ends "-screened.wav"); "-2", "-3"... when taken.</summary>
        private string RecordingName(SipCall call, bool screened)
        {
            System.DateTime t = _hw.Clock.WallClock;
            StringBuilder b = new StringBuilder(RecordingFolder);
            b.Append(t.Year.ToString()).Append(TwoDigits(t.Month)).Append(TwoDigits(t.Day)).Append('-');
            b.Append(TwoDigits(t.Hour)).Append(TwoDigits(t.Minute)).Append(TwoDigits(t.Second)).Append('-');
            string number = call.RemoteParty == null ? "unknown" : PartyNumber(call);
            int kept = 0;
            for (int i = 0; i < number.Length && kept < 20; i++)
            {
                char c = number[i];
                if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) { b.Append(c); kept++; }
            }
            if (kept == 0) b.Append("unknown");
            string stem = b.ToString();
            string end = screened ? ScreenedSuffix : ".wav";
            string name = stem + end;
            for (int n = 2; _hw.Storage.Length(name) >= 0 && n < 100; n++) name = stem + "-" + n.ToString() + end;
            return name;
        }

        /// <summary>Hook (Phone.View.cs LampFor): a record key lights red while the call is recorded.</summary>
        private bool RecordLamp(KeyConfig key, out LampState lamp)
        {
            lamp = LampState.Off;
            if (key.Kind != KeyKind.Feature || key.Feature != KeyFeatures.Record) return false;
            if (IsRecording) lamp = new LampState(LampColour.Red, Cadence.Steady);
            return true;
        }

        /// <summary>True when the in-call screen offers "Rec"/"Stop" on softkey 3 (policy on, the slot free).</summary>
        private bool RecordSoftkeyShown()
        {
            return _config.Recording.Mode == RecordingMode.On && Mode == PhoneMode.InCall && _call != null && !IsScreening
                && _call.State == CallState.Connected && _held.Count == 0 && !HasParkSlot && _waiting == null
                && _xfer == TransferState.Idle && !PrivateHoldPossible() && !ContactPickWanted(); // Phone.Contacts.cs
        }

        /// <summary>Hook (Phone.Calls.cs CallSoftkey, first): Screen while ringing, Take/End while screening, Rec/Stop in a call.</summary>
        private bool RecordingSoftkey(int n)
        {
            if (ScreeningSoftkey(n)) return true; // Phone.Screening.cs
            if (n != 3 || !RecordSoftkeyShown()) return false;
            ToggleRecording();
            return true;
        }

        /// <summary>Hook (Phone.Calls.cs DrawCall, after the other decorations): the REC indicator, the screening screen, the softkeys.</summary>
        private void DecorateRecording(CallModel m)
        {
            if (DecorateScreening(m)) return; // Phone.Screening.cs
            m.Recording = IsRecording;
            if (RecordSoftkeyShown() && m.Soft3 == null) m.Soft3 = IsRecording ? "Stop" : "Rec";
        }

        /// <summary>Hook (Phone.History.cs DrawHistory): the selected entry's detail names a recording or a screened message.</summary>
        private static string RecordingDetail(CallRecord r, string detail)
        {
            if (r.Recording == null) return detail;
            if (IsScreenedName(r.Recording)) return "Screened  " + (r.Number != null ? r.Number : r.Shown) + "  Msg";
            return detail + "  Rec";
        }
    }
}
