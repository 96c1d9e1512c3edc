// The phone's side of the control API (click-to-call from a CRM): each request acts like the keys would.
using DeskPhone.Firmware.Http;
using DeskPhone.Firmware.Json;
using DeskPhone.Firmware.Media;
using DeskPhone.Firmware.Sip.Call;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Phone
{
    public sealed partial class Phone
    {
        private HttpServer _apiServer;

        /// <summary>
        /// The control API's port instead of the device file's (-1 = the file's; 0 = any free port). The
        /// simulator sets it when several phones share one address. Set before <see cref="Boot"/>.
        /// </summary>
        public int ApiPortOverride = -1;

        /// <summary>The port the control API listens on, or 0 when it is off (or its port was taken).</summary>
        public int ApiPort { get { return _apiServer == null ? 0 : _apiServer.Port; } }

        /// <summary>True when the control API serves HTTPS (device file api.tls).</summary>
        public bool ApiIsHttps { get { return _apiServer != null && _apiServer.IsTls; } }

        /// <summary>Boot: webhooks (Phone.Webhooks.cs), then the control API when the device file enables it (HTTPS only with api.tls).</summary>
        private void StartCrm()
        {
            StartWebhooks();
            if (!_config.Api.Enabled) return;
            _apiServer = new HttpServer(_hw.Network, _loop, _hw.Log, new ControlApi(this, _config.Api));
            int port = ApiPortOverride >= 0 ? ApiPortOverride : _config.Api.Port;
            string error;
            bool started = _config.Api.Https ? StartHttps(port, out error) : StartHttp(port, out error);
            if (!started)
            {
                _hw.Log.Write(LogLevel.Error, "api", "control API not started: " + error);
                _apiServer = null;
                return;
            }
            _hw.Log.Write(LogLevel.Info, "api", "control API on port " + _apiServer.Port.ToString() + (_config.Api.Https ? " (HTTPS only)" : " (HTTP)"));
        }

        private bool StartHttp(int port, out string error)
        {
            error = _apiServer.Start(port) ? null : "port " + port.ToString() + " is taken";
            return error == null;
        }

        /// <summary>HTTPS with api.tls's PEM files from storage; any problem keeps the API off (never plain HTTP instead).</summary>
        private bool StartHttps(int port, out string error)
        {
            byte[] certificate = _hw.Storage.Read(_config.Api.TlsCertificate);
            byte[] key = _hw.Storage.Read(_config.Api.TlsKey);
            if (certificate == null) { error = "HTTPS certificate '" + _config.Api.TlsCertificate + "' (api.tls.certificate) is not in the phone's storage"; return false; }
            if (key == null) { error = "HTTPS key '" + _config.Api.TlsKey + "' (api.tls.key) is not in the phone's storage"; return false; }
            string reason;
            if (_apiServer.StartTls(port, certificate, key, out reason)) { error = null; return true; }
            error = "HTTPS on port " + port.ToString() + " failed: " + reason + " (the API does not fall back to plain HTTP)";
            return false;
        }

        /// <summary>GET /api/status: registration, mode and the current call.</summary>
        internal string ApiStatus()
        {
            return new JsonWriter()
                .Field("device", _config.Device.Id)
                .Field("registration", RegistrationName(Registration))
                .Field("mode", ModeName(Mode))
                .Field("dnd", Dnd)
                .Raw("call", ApiCallJson(_call))
                .Close();
        }

        /// <summary>POST /api/dial: places a call to <paramref name="target"/> (normalised already) as the dial keys would.</summary>
        internal int ApiDial(string target, out string error)
        {
            error = null;
            if (Registration != RegistrationState.Registered || _calls == null) { error = "not registered"; return 503; }
            if (_call != null && !_call.IsEnded) { error = "a call is in progress: hang it up first"; return 409; }
            string reason;
            if (!MayDial(target, out reason)) { error = reason; return 403; } // Phone.Roles.cs: restricted mode
            if (Mode != PhoneMode.Dialing && Mode != PhoneMode.Idle) { Mode = PhoneMode.Idle; ActiveLine = 0; } // out of a menu, as a new call would
            RememberDialed(target); // Phone.Redial.cs
            PlaceCall(target);
            if (_call == null) { error = "the call could not be placed: " + (Message == null ? "unknown reason" : Message); return 500; }
            return 200;
        }

        /// <summary>POST /api/answer: answers the ringing call on the speaker.</summary>
        internal int ApiAnswer(out string error)
        {
            error = null;
            if (Mode != PhoneMode.Ringing || _call == null) { error = "no call is ringing"; return 409; }
            AnswerCall(AudioRoute.Speaker);
            return 200;
        }

        /// <summary>POST /api/hangup: ends the call (declines one ringing here), or leaves dialing.</summary>
        internal int ApiHangup(out string error)
        {
            error = null;
            if (_call == null)
            {
                if (Mode == PhoneMode.Dialing) { HangUp(); return 200; }
                error = "no call to hang up";
                return 409;
            }
            EndCall();
            return 200;
        }

        /// <summary>POST /api/hold and /api/resume.</summary>
        internal int ApiHold(bool hold, out string error)
        {
            error = null;
            if (_call == null || _call.State != CallState.Connected) { error = "no connected call"; return 409; }
            if (_call.LocalHold == hold) { error = hold ? "the call is on hold already" : "the call is not on hold"; return 409; }
            if (_xfer != TransferState.Idle) { error = "a transfer is in progress"; return 409; }
            ToggleHold();
            return 200;
        }

        /// <summary>POST /api/transfer: a blind transfer of the connected call to <paramref name="target"/>.</summary>
        internal int ApiTransfer(string target, out string error)
        {
            error = null;
            if (_call == null || _call.State != CallState.Connected || Mode != PhoneMode.InCall) { error = "no connected call to transfer"; return 409; }
            if (_xfer != TransferState.Idle) { error = "a transfer is in progress already"; return 409; }
            StartTransfer(); // Phone.Transfer.cs: holds the call
            if (_xfer != TransferState.Entering) { error = "the call cannot be transferred now"; return 409; }
            _xferDigits = target;
            BlindTransfer();
            return 200;
        }

        /// <summary>The call as the API shows it, or "null".</summary>
        internal string ApiCallJson(SipCall call)
        {
            if (call == null) return null;
            string name = call.RemoteDisplayName;
            return new JsonWriter()
                .Field("id", call.CallId)
                .Field("state", call.State == CallState.Connected && call.LocalHold ? "held" : CallStates.Name(call.State).ToLower())
                .Field("direction", call.Direction == CallDirection.Incoming ? "incoming" : "outgoing")
                .Field("number", Crm.CallEvents.Number(call))
                .Field("name", name != null && name.Length > 0 ? name : null)
                .Field("line", call.Account == null ? null : call.Account.Id)
                .Close();
        }

        /// <summary>The domain of the default account (a sip: link there dials its user part).</summary>
        internal string ApiDomain { get { return _config.DefaultAccount.Domain; } }

        private static string RegistrationName(RegistrationState s)
        {
            switch (s)
            {
                case RegistrationState.Registered: return "registered";
                case RegistrationState.Registering: return "registering";
                case RegistrationState.Failed: return "failed";
                default: return "not-registered";
            }
        }

        private static string ModeName(PhoneMode m)
        {
            switch (m)
            {
                case PhoneMode.Idle: return "idle";
                case PhoneMode.Dialing: return "dialing";
                case PhoneMode.KeyInfo: return "key-info";
                case PhoneMode.Ringing: return "ringing";
                case PhoneMode.Calling: return "calling";
                case PhoneMode.InCall: return "in-call";
                case PhoneMode.History: return "history";
                case PhoneMode.Settings: return "settings";
                default: return "mode-" + ((int)m).ToString();
            }
        }
    }
}
