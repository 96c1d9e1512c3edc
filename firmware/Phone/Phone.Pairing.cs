// Pairing requests: the prompt for each pending pairing this user answers, and the answer sent to the office as a SIP MESSAGE.
using System.Collections;
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.Sip.Usage;
using DeskPhone.Firmware.Ui;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Phone
{
    /// <summary>
    /// A pairing a user asked for waits for the other side (PHONE-BEHAVIOUR.md, "Delegation"). The device
    /// file lists it under "pendingPairings"; those with "prompt": true are this user's to answer. At boot
    /// the idle screen gives way to the first of them ("Ann Lee (203) asks you to cover their line"):
    /// Accept (softkey 1), Reject (softkey 2: declines; "Decline" does not fit a softkey), Later (softkey 4:
    /// back in <see cref="PairingLaterMs"/>).
    /// The answer is a MESSAGE (RFC 3428) to the file's "pairingService" with a
    /// <see cref="PairingContentType"/> body; the office service applies it to office.json and provisions
    /// again. A 2xx says "Accepted"/"Declined" and brings the next request; any failure keeps the
    /// request on screen with the status and reason. The pairing itself (the shared key) arrives with the
    /// next device file: the phone takes that at its next start.
    /// </summary>
    public sealed partial class Phone : IPagerMessageListener
    {
        /// <summary>The body type of an answer: "pairing:", "answer:" (accept or decline) and "user:" lines.</summary>
        public const string PairingContentType = "application/x-deskphone-pairing";

        /// <summary>How long "Later" puts the requests away (10 minutes).</summary>
        public const int PairingLaterMs = 10 * 60 * 1000;

        private readonly ArrayList _pairingRequests = new ArrayList();
        private PairingPromptState _pairingState;
        private PagerMessage _pairingAnswer;
        private bool _pairingAccepting;
        private string _pairingProblem;
        private LoopTimer _pairingLater;

        /// <summary>Where the pairing prompt stands.</summary>
        public PairingPromptState PairingPrompt { get { return _pairingState; } }

        /// <summary>How many requests still wait for this user's answer.</summary>
        public int PairingRequestCount { get { return _pairingRequests.Count; } }

        /// <summary>The request shown (or being answered), or null.</summary>
        public PendingPairing PairingRequest
        {
            get { return _pairingRequests.Count == 0 ? null : (PendingPairing)_pairingRequests[0]; }
        }

        /// <summary>The last answer sent (its state, status and reason), or null.</summary>
        public PagerMessage PairingAnswer { get { return _pairingAnswer; } }

        /// <summary>True while the prompt has the idle screen.</summary>
        public bool PairingPromptShown
        {
            get { return Mode == PhoneMode.Idle && (_pairingState == PairingPromptState.Asking || _pairingState == PairingPromptState.Sending); }
        }

        /// <summary>Hook (Boot): the requests of the device file that this user answers.</summary>
        private void StartPairingPrompts()
        {
            for (int i = 0; i < _config.PendingPairingCount; i++)
            {
                PendingPairing p = _config.PendingPairingAt(i);
                if (p.Prompt) _pairingRequests.Add(p);
            }
            if (_pairingRequests.Count == 0) return;
            _hw.Log.Write(LogLevel.Info, "pairing", _pairingRequests.Count.ToString() + " pairing request(s) to answer; answers go to " + _config.PairingServiceUri);
            SetPairingState(PairingPromptState.Asking);
        }

        /// <summary>Hook (KeyPressed): Accept, Reject (decline) and Later while the prompt shows; false for every other key.</summary>
        private bool PairingKey(int keyCode)
        {
            if (!PairingPromptShown || keyCode < KeyCodes.Soft1 || keyCode > KeyCodes.Soft1 + 3) return false;
            if (_pairingState == PairingPromptState.Sending) return true; // one answer at a time
            int n = keyCode - KeyCodes.Soft1 + 1;
            if (n == 1) SendPairingAnswer(true);
            else if (n == 2) SendPairingAnswer(false);
            else if (n == 4) PutPairingOff();
            return true;
        }

        /// <summary>Hook (Redraw): the prompt in place of the idle screen.</summary>
        private void DrawPairingPrompt()
        {
            PendingPairing p = PairingRequest;
            PairingPromptModel m = new PairingPromptModel();
            m.Title = _pairingRequests.Count > 1 ? "Pairing request 1/" + _pairingRequests.Count.ToString() : "Pairing request";
            m.Text = PairingText(p);
            if (_pairingState == PairingPromptState.Sending)
            {
                m.Status = "Sending answer...";
            }
            else
            {
                m.Status = _pairingProblem != null ? _pairingProblem : Message;
                m.Soft1 = "Accept";
                m.Soft2 = "Reject";
                m.Soft4 = "Later";
            }
            PairingPromptView.Draw(_screen, m);
        }

        /// <summary>"Ann Lee (203) asks you to cover their line: place calls, answer calls, pick up held calls."</summary>
        public static string PairingText(PendingPairing p)
        {
            string who = p.With + " (" + p.Extension + ")";
            string what = p.Role == PairingRole.Assistant ? " asks you to cover their line" : " offers to cover your line";
            string rights = "";
            string[] names = KeyDelegation.PermissionNames;
            string[] words = { "place calls", "answer calls", "pick up held calls", "voicemail", "recordings" };
            for (int i = 0; i < names.Length; i++)
            {
                if (!p.Requests(names[i])) continue;
                rights = rights.Length == 0 ? words[i] : rights + ", " + words[i];
            }
            return who + what + (rights.Length == 0 ? " (no permissions)." : ": " + rights + ".");
        }

        /// <summary>The MESSAGE body answering pairing <paramref name="pairingId"/> for SIP user <paramref name="user"/>.</summary>
        public static string PairingAnswerBody(string pairingId, bool accept, string user)
        {
            return "pairing: " + pairingId + "\r\nanswer: " + (accept ? "accept" : "decline") + "\r\nuser: " + user + "\r\n";
        }

        private void SendPairingAnswer(bool accept)
        {
            PendingPairing p = PairingRequest;
            if (_sip == null)
            {
                _pairingProblem = "Cannot send: SIP is not running";
                Redraw();
                return;
            }
            _pairingAccepting = accept;
            _pairingProblem = null;
            AccountConfig account = _config.DefaultAccount;
            _pairingAnswer = new PagerMessage(_sip, account, _config.PairingServiceUri, PairingContentType,
                PairingAnswerBody(p.Id, accept, account.User), this);
            _pairingAnswer.Context = p;
            _hw.Log.Write(LogLevel.Info, "pairing", (accept ? "accepting" : "declining") + " pairing " + p.Id + " with " + p.With);
            SetPairingState(PairingPromptState.Sending);
            Redraw();
            _pairingAnswer.Send();
        }

        /// <inheritdoc/>
        public void MessageAnswered(PagerMessage message)
        {
            if (message != _pairingAnswer || _pairingState != PairingPromptState.Sending) return;
            PendingPairing p = (PendingPairing)message.Context;
            string verb = _pairingAccepting ? "Accept" : "Decline";
            if (message.State == PagerMessageState.Delivered)
            {
                _pairingRequests.Remove(p);
                _hw.Log.Write(LogLevel.Info, "pairing", "pairing " + p.Id + (_pairingAccepting ? " accepted" : " declined") + " (" + message.StatusCode.ToString() + ")");
                SetPairingState(_pairingRequests.Count == 0 ? PairingPromptState.None : PairingPromptState.Asking);
                ShowMessage(_pairingAccepting ? "Accepted" : "Declined");
                return;
            }
            _pairingProblem = verb + " failed: " + message.StatusCode.ToString() + " " + message.Reason;
            _hw.Log.Write(LogLevel.Warning, "pairing", "pairing " + p.Id + ": " + _pairingProblem);
            SetPairingState(PairingPromptState.Asking);
            Redraw();
        }

        private void PutPairingOff()
        {
            _pairingProblem = null;
            SetPairingState(PairingPromptState.Deferred);
            if (_pairingLater != null) _pairingLater.Cancel();
            _pairingLater = _loop.StartTimer(PairingLaterMs, AskAgain);
            Refresh();
        }

        private void AskAgain()
        {
            _pairingLater = null;
            if (_pairingState != PairingPromptState.Deferred) return;
            SetPairingState(_pairingRequests.Count == 0 ? PairingPromptState.None : PairingPromptState.Asking);
            Redraw();
        }

        private void SetPairingState(PairingPromptState next)
        {
            if (_pairingState == next) return;
            _hw.Log.Write(LogLevel.Info, "pairing", PairingStateName(_pairingState) + " -> " + PairingStateName(next));
            _pairingState = next;
        }

        /// <summary>"None", "Asking", "Sending", "Deferred".</summary>
        public static string PairingStateName(PairingPromptState s)
        {
            switch (s)
            {
                case PairingPromptState.Asking: return "Asking";
                case PairingPromptState.Sending: return "Sending";
                case PairingPromptState.Deferred: return "Deferred";
                default: return "None";
            }
        }
    }
}
