// Calls on the phone: placing, ringing, answering, hold, hanging up, transfer requests.
using System;
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Lamps;
using DeskPhone.Firmware.Media;
using DeskPhone.Firmware.Media.Sdp;
using DeskPhone.Firmware.Sip.Call;
using DeskPhone.Firmware.Ui;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Phone
{
    public sealed partial class Phone : ICallListener
    {
        private CallManager _calls;
        private SipCall _call;
        private long _connectedAtMs;
        private MediaSession _media;   // one for the phone, reused call after call (its buffers are preallocated)
        private SipCall _mediaCall;    // the call the session carries, or null

        /// <summary>The call on the phone (ringing, calling or connected), or null.</summary>
        public SipCall CurrentCall { get { return _call; } }

        /// <summary>
        /// The first of the 500 even RTP ports the phone uses (default 40000). Phones that share an
        /// address, as the simulator's do, need ranges of their own; set before <see cref="Boot"/>.
        /// </summary>
        public int RtpPortFirst = 40000;

        /// <summary>The call manager (null before boot).</summary>
        public CallManager Calls { get { return _calls; } }

        private void StartCalls()
        {
            _calls = new CallManager(_sip, _config.Accounts, this, MediaFactory());
        }

        /// <summary>SDP for every call, on this phone's address.</summary>
        private ICallMediaFactory MediaFactory()
        {
            SdpCallMediaFactory factory = new SdpCallMediaFactory(_hw.Network.LocalAddress, new RtpPortPool(RtpPortFirst, RtpPortFirst + 998), null, null);
            // wideband first: G.722 when the far end has it, else G.711 (RFC 3264: the order is our preference)
            factory.Codecs = new SdpCodec[] { SdpCodec.G722, SdpCodec.Pcmu, SdpCodec.Pcma, SdpCodec.TelephoneEvent };
            return factory;
        }

        /// <summary>Places a call to <paramref name="target"/> from the line in use (the default account otherwise).</summary>
        private void PlaceCall(string target)
        {
            string refusal;
            if (!MayDial(target, out refusal)) // Phone.Roles.cs: restricted mode dials only emergency and internal numbers
            {
                _hw.Log.Write(LogLevel.Info, "phone", "not calling " + target + ": " + refusal);
                ShowMessage(refusal);
                return;
            }
            LeaveOutcome("a call is placed"); // Phone.Outcomes.cs
            if (Registration != RegistrationState.Registered || _calls == null)
            {
                ShowMessage("No calls: not registered");
                return;
            }
            if (Mode == PhoneMode.Idle) { ActiveLine = FirstLineKey(); Route = AudioRoute.Speaker; }
            SipCall call = SharedConnect(target); // Phone.Shared.Calls.cs: on a shared appearance (seized, or a held call picked up), else null
            if (call == null) call = _calls.Connect(LineAccount(ActiveLine), target);
            if (call == null)
            {
                ShowMessage("Cannot call " + target);
                return;
            }
            _call = call;
            Mode = PhoneMode.Calling;
            _audio.Open(ToneRate, Route);
            _audio.Play(null);
            _hw.Log.Write(LogLevel.Info, "phone", "calling " + target);
            Refresh();
        }

        /// <inheritdoc/>
        public int IncomingCall(SipCall call)
        {
            if (_call != null && !_call.IsEnded) return CallWaitingDecision(call); // Phone.CallWaiting.cs: ring in, or 486
            if (_settings.Dnd) return CallDecision.Unavailable;
            LeaveOutcome("a call rang"); // Phone.Outcomes.cs: the entry stays without an outcome
            if (Mode == PhoneMode.Dialing) { _audio.Close(); DialString = ""; }
            _call = call;
            Mode = PhoneMode.Ringing;
            ActiveLine = LineKeyFor(call.Account);
            SharedIncoming(call); // Phone.Shared.Calls.cs: a call to a shared line rings on its key
            Route = AudioRoute.Speaker;
            _audio.Open(ToneRate, AudioRoute.Speaker);
            StartRing(call); // Phone.Settings.Ring.cs: the line's cadence and volume
            _hw.Log.Write(LogLevel.Info, "phone", "incoming call from " + PartyName(call));
            OnCallAlerting(call); // Phone.CallEvents.cs
            WebhookIncoming(call); // Phone.Webhooks.cs
            Refresh();
            return CallDecision.Ring;
        }

        /// <summary>Answers the ringing call on <paramref name="route"/>.</summary>
        private void AnswerCall(AudioRoute route)
        {
            if (Mode != PhoneMode.Ringing || _call == null) return;
            if (!SharedAnswer(_call)) return; // Phone.Shared.Calls.cs: the answer permission, and the appearance it is taken on
            Route = route;
            _audio.Play(null);
            _audio.Route(route);
            _call.Answer();
        }

        /// <summary>Ends the call: CANCEL before an answer, BYE after, a decline while ringing here.</summary>
        private void EndCall()
        {
            if (_call == null) return;
            if (Mode == PhoneMode.Ringing) _call.Reject(CallDecision.Decline);
            else if (_call.State == CallState.Connected) _call.Hangup();
            else if (!_call.Cancel()) _call.Hangup();
        }

        private void ToggleHold()
        {
            if (_call == null || _call.State != CallState.Connected) return;
            if (_call.LocalHold) _call.Resume();
            else _call.Hold();
        }

        /// <inheritdoc/>
        public void CallStateChanged(SipCall call, CallState previous)
        {
            TrackCall(call); // Phone.History.cs: start and connect times, the ring's volume
            SharedCallChanged(call); // Phone.Shared.Calls.cs: a seized appearance is spent once its call rings
            if (call.State == CallState.Connected && previous != CallState.Connected) OnCallAnswered(call); // Phone.CallEvents.cs
            if (call.State == CallState.Connected && previous != CallState.Connected) WebhookAnswered(call); // Phone.Webhooks.cs
            if (call != _call) return;
            if (call.State == CallState.Connected && previous != CallState.Connected)
            {
                Mode = PhoneMode.InCall;
                _connectedAtMs = _hw.Clock.NowMs;
                _audio.Play(null);
                SyncMedia(call);
            }
            else if (Mode == PhoneMode.Calling && (call.State == CallState.Early || call.State == CallState.Ringing || call.LastProvisional == 180))
            {
                _audio.Play(Tone.Ringback);
            }
            Refresh();
        }

        /// <inheritdoc/>
        public void CallUpdated(SipCall call)
        {
            if (call != _call) { HoldSettled(call); return; }
            if (call.State == CallState.Connected) SyncMedia(call);
            Refresh();
            HoldSettled(call); // Phone.CallWaiting.cs: what waited for this hold (answer, switch, REFER)
        }

        /// <inheritdoc/>
        public void CallEnded(SipCall call)
        {
            RecordCall(call); // Phone.History.cs
            SharedCallEnded(call); // Phone.Shared.Calls.cs: off its appearance
            if (call == _mediaCall) StopMedia();
            if (call != _call) { OtherCallEnded(call); OfferOutcome(); return; } // Phone.CallWaiting.cs: a waiting or held call
            _call = null;
            ClearMute();
            _audio.Close();
            Mode = PhoneMode.Idle;
            ActiveLine = 0;
            DialString = "";
            _hw.Log.Write(LogLevel.Info, "phone", "call ended: " + call.EndStatus.ToString() + " " + call.EndReason);
            ShowMessage(EndText(call));
            Refresh();
            NextCallAfter(call); // Phone.CallWaiting.cs: the waiting call rings, or a held call comes back
            OfferOutcome(); // Phone.Outcomes.cs: what became of the call, once the phone is idle
        }

        /// <inheritdoc/>
        public SipCall TransferRequested(SipCall call, string referTo)
        {
            if (call != _call) return null;
            string refusal;
            if (!MayDial(referTo, out refusal)) { _hw.Log.Write(LogLevel.Info, "phone", "transfer to " + referTo + " refused: " + refusal); return null; } // Phone.Roles.cs
            SipCall next = _calls.Connect(call.Account, referTo);
            if (next == null) return null;
            _call = next;
            Mode = PhoneMode.Calling;
            Refresh();
            return next;
        }

        /// <inheritdoc/>
        public void TransferProgress(SipCall call, int status)
        {
            if (TransferProgressed(call, status)) return; // Phone.Transfer.cs: the user's transfer or park
            if (status >= 300) ShowMessage("Transfer failed (" + status.ToString() + ")");
            else if (status >= 200 && status != 202) ShowMessage("Transferred");
        }

        /// <inheritdoc/>
        public void CallReplaced(SipCall replaced, SipCall replacement)
        {
            if (replaced != _call) return;
            _call = replacement;
            Mode = PhoneMode.InCall;
            _connectedAtMs = _hw.Clock.NowMs;
            if (replacement.State == CallState.Connected) SyncMedia(replacement);
            Refresh();
        }

        /// <summary>The RTP session of the call (null before the first call connects).</summary>
        public MediaSession RtpSession { get { return _media; } }

        /// <summary>
        /// Starts the call's RTP when its media is first known, follows hold, resume and address
        /// changes after, and restarts it for another call or port (a codec change reopens the audio at its rate).
        /// </summary>
        private void SyncMedia(SipCall call)
        {
            NegotiatedMedia media = call.NegotiatedMedia;
            SdpCallMedia sdp = call.Media as SdpCallMedia;
            if (media == null || sdp == null) return;
            if (_media == null) _media = NewMediaSession();
            if (_mediaCall == call && _media.IsRunning && _media.LocalPort == sdp.Port)
            {
                _media.Update(media);
                if (MediaSession.Supports(media)) _audio.Open(media.SampleRate, Route);
                return;
            }
            StopMedia();
            if (!MediaSession.Supports(media))
            {
                _hw.Log.Write(LogLevel.Warning, "phone", "no audio: codec " + media.CodecName + " is not one this phone plays");
                return;
            }
            if (!_audio.Open(media.SampleRate, Route) || !_media.Start(media, sdp.Port))
            {
                _hw.Log.Write(LogLevel.Warning, "phone", "no audio: cannot open RTP port " + sdp.Port.ToString());
                return;
            }
            _mediaCall = call;
            _audio.Attach(_media);
            _hw.Log.Write(LogLevel.Info, "phone", "audio " + media.ToString() + " from port " + sdp.Port.ToString());
        }

        private void StopMedia()
        {
            _audio.Attach(null);
            if (_media != null) _media.Stop();
            _mediaCall = null;
        }

        /// <summary>The lamp of the line key carrying the call, or null when the call is not on it.</summary>
        private bool CallLamp(int number, out LampState lamp)
        {
            lamp = LampState.Off;
            if (AppearanceLamp(number, out lamp)) return true; // Phone.CallWaiting.cs: waiting and held calls
            if (_call == null || number != ActiveLine) return false;
            if (Mode == PhoneMode.Ringing) lamp = _config.LampScheme.For(LampMeaning.RingingMine);
            else if (_call.LocalHold) lamp = _config.LampScheme.For(LampMeaning.HeldByMe);
            else lamp = _config.LampScheme.For(LampMeaning.MineActive);
            return true;
        }

        private void DrawCall()
        {
            if (DrawContactChoice()) return; // Phone.Contacts.cs: the list to choose the call's contact from
            if (DrawQuality()) return; // Phone.Quality.cs
            if (DrawCallOverlay()) return; // Phone.CallControl.cs: transfer entry, call waiting
            CallModel m = new CallModel();
            m.Name = PartyName(_call);
            m.Number = PartyNumber(_call);
            KeyConfig key = KeyOnLine(ActiveLine);
            m.Line = key == null ? null : key.Label;
            m.Message = Message;
            if (Mode == PhoneMode.Ringing)
            {
                m.Title = "Incoming call";
                m.Soft1 = "Answer";
                m.Soft4 = "Reject";
            }
            else if (Mode == PhoneMode.Calling)
            {
                m.Title = _call.LastProvisional == 180 || _call.State == CallState.Early ? "Ringing" : "Calling";
                m.Soft4 = "End";
            }
            else
            {
                m.Title = _call.LocalHold ? "On hold" : Muted ? "Connected, muted" : "Connected";
                m.Duration = Duration((_hw.Clock.NowMs - _connectedAtMs) / 1000);
                m.Soft1 = _call.LocalHold ? "Resume" : "Hold";
                m.Soft4 = "End";
            }
            DecorateShared(m); // Phone.Shared.Calls.cs: "for Ann Lee", VIP, private hold
            DecorateCall(m); // Phone.CallControl.cs: held calls, transfer progress, Xfer/Park/Swap
            DecorateRecording(m); // Phone.Recording.cs: REC indicator, Rec/Stop, Screen, the screening screen
            DecorateContact(m); // Phone.Contacts.cs: the contact's name and company, "2 contacts" and Choose
            CallView.Draw(_screen, m);
            FollowMarquee(m);
        }

        private void CallSoftkey(int n)
        {
            if (ContactSoftkey(n)) return; // Phone.Contacts.cs: Pick (the call's contact)
            if (RecordingSoftkey(n)) return; // Phone.Recording.cs: Screen, Take/End while screening, Rec/Stop
            if (SharedSoftkey(n)) return; // Phone.Shared.Calls.cs: Priv (hold privately)
            if (CallControlSoftkey(n)) return; // Phone.CallControl.cs
            if (Mode == PhoneMode.Ringing)
            {
                if (n == 1) AnswerCall(_keypad.IsDown(KeyCodes.Hook) ? AudioRoute.Handset : AudioRoute.Speaker);
                else if (n == 4) EndCall();
                return;
            }
            if (n == 1 && Mode == PhoneMode.InCall) ToggleHold();
            else if (n == 4) EndCall();
        }

        private AccountConfig LineAccount(int line)
        {
            KeyConfig key = KeyOnLine(line);
            return key != null && key.Account != null ? key.Account : _config.DefaultAccount;
        }

        private int LineKeyFor(AccountConfig account)
        {
            KeyConfig[] keys = PageKeys();
            for (int i = 0; i < keys.Length; i++)
            {
                if (keys[i].Kind == KeyKind.Line && keys[i].Account == account) return i + 1;
            }
            return FirstLineKey();
        }

        private static string PartyName(SipCall call)
        {
            string name = call.RemoteDisplayName;
            if (name != null && name.Length > 0) return name;
            return PartyNumber(call);
        }

        private static string PartyNumber(SipCall call)
        {
            if (call.RemoteParty == null) return "Unknown";
            if (call.RemoteParty.Uri != null && call.RemoteParty.Uri.User != null) return call.RemoteParty.Uri.User;
            return call.RemoteUri;
        }

        private static string Duration(long seconds)
        {
            long m = seconds / 60;
            long s = seconds % 60;
            return (m < 10 ? "0" : "") + m.ToString() + ":" + (s < 10 ? "0" : "") + s.ToString();
        }

        private static string EndText(SipCall call)
        {
            switch (call.EndStatus)
            {
                case 486: case 600: return "Busy";
                case 603: return "Declined";
                case 480: return "Unavailable";
                case 404: return "Number not found";
                case 408: return "No answer";
                case 487: return "Call cancelled";
                case 401: case 403: case 407: return RefusalText(call); // Phone.Shared.Calls.cs: the softswitch's reason on a shared line
                default: return "Call ended";
            }
        }
    }
}
