// Screening: answer a ringing call with the microphone muted, play a greeting, record the caller's message while it plays on the speaker; Take or End.
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Media.Recording;
using DeskPhone.Firmware.Sip.Call;
using DeskPhone.Firmware.Ui;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Phone
{
    public sealed partial class Phone
    {
        private SipCall _screenCall;   // the call answered by Screen, until it ends
        private bool _screening;       // true until it is taken over
        private Greeting _greeting;

        /// <summary>True while the current call is being screened (answered muted, greeting, message recorded).</summary>
        public bool IsScreening { get { return _screening && _screenCall != null && _screenCall == _call; } }

        /// <summary>The greeting of the call being screened, or null.</summary>
        public Greeting ScreeningGreeting { get { return _screening ? _greeting : null; } }

        /// <summary>
        /// "Screen" on a ringing call: answers it on the speaker with the microphone muted; once it is
        /// connected the caller hears the greeting and their message is recorded (unless recording is off)
        /// while it plays here live.
        /// </summary>
        public void StartScreening()
        {
            if (Mode != PhoneMode.Ringing || _call == null) { ShowMessage("No call to screen"); return; }
            _screenCall = _call;
            _screening = true;
            Muted = true;
            if (_media == null) _media = NewMediaSession();
            _media.Muted = true;
            AnswerCall(AudioRoute.Speaker);
            if (_call != _screenCall || _call.State != CallState.Connected)
            {
                // the answer was refused (a shared line's permission): nothing is screened
                _screenCall = null;
                _screening = false;
                ClearMute();
                return;
            }
            _hw.Log.Write(LogLevel.Info, "phone", "screening the call from " + PartyName(_call));
            Refresh();
        }

        /// <summary>"Take": the screened call becomes a normal call; the microphone is on, the greeting stops, the message's recording ends (it goes on when the policy records every call).</summary>
        public void TakeScreenedCall()
        {
            if (!IsScreening) { ShowMessage("No screened call"); return; }
            _screening = false;
            if (_media != null) _media.SendSource = null;
            _greeting = null;
            ClearMute();
            if (_recordingCall == _call && _config.Recording.Mode != RecordingMode.Forced) PauseRecording();
            _hw.Log.Write(LogLevel.Info, "phone", "screened call taken");
            ShowMessage("Call taken");
            Refresh();
        }

        /// <summary>Hook (OnCallAnswered): the screened call connected: the greeting plays, the message records.</summary>
        private void BeginScreening(SipCall call)
        {
            if (!_screening) return;
            int rate = call.NegotiatedMedia == null ? 0 : call.NegotiatedMedia.SampleRate;
            if (rate != 8000 && rate != 16000) return;
            _greeting = LoadGreeting(rate);
            if (_media == null) _media = NewMediaSession();
            _media.Muted = true;
            _media.SendSource = _greeting;
            if (_config.Recording.Mode == RecordingMode.Off) ShowMessage("Not recorded: recording is off");
            else StartRecording(call, true);
        }

        /// <summary>Hook (OnCallEnding): the screened call is over.</summary>
        private void EndScreening()
        {
            if (_media != null) _media.SendSource = null;
            _screenCall = null;
            _screening = false;
            _greeting = null;
        }

        /// <summary>The provisioned greeting WAV ("screening.greeting") at <paramref name="rate"/>, else the built-in chime (a problem is logged).</summary>
        private Greeting LoadGreeting(int rate)
        {
            string name = _config.Recording.Greeting;
            if (name == null) return Greeting.Chime(rate);
            byte[] wav = _hw.Storage.Read(name);
            string problem = "no such file in storage";
            Greeting g = wav == null ? null : Greeting.FromWav(wav, rate, out problem);
            if (g != null) return g;
            _hw.Log.Write(LogLevel.Warning, "phone", "screening greeting " + name + ": " + problem + "; the built-in chime plays instead");
            return Greeting.Chime(rate);
        }

        /// <summary>Softkeys: "Screen" (2) on a ringing call; "Take" (1) and "End" (4) while screening.</summary>
        private bool ScreeningSoftkey(int n)
        {
            if (Mode == PhoneMode.Ringing && n == 2 && _call != null && _waiting == null) { StartScreening(); return true; }
            if (!IsScreening) return false;
            if (n == 1) TakeScreenedCall();
            else if (n == 4) EndCall();
            return true;
        }

        /// <summary>The ringing screen offers "Screen"; the screening screen replaces the call's title and softkeys.</summary>
        private bool DecorateScreening(CallModel m)
        {
            if (Mode == PhoneMode.Ringing)
            {
                if (m.Soft2 == null) m.Soft2 = "Screen";
                return true;
            }
            if (!IsScreening) return false;
            m.Title = "Screening";
            m.Recording = IsRecording;
            m.Soft1 = "Take";
            m.Soft2 = null;
            m.Soft3 = null;
            m.Soft4 = "End";
            return true;
        }
    }
}
