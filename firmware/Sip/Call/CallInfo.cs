// DTMF over SIP INFO (RFC 6086 legacy usage, application/dtmf-relay) both ways, for calls without telephone-event.
using DeskPhone.Firmware.Media.Dtmf;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Transaction;
using DeskPhone.Firmware.Sip.Transport;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Sip.Call
{
    public sealed partial class SipCall
    {
        private const int InfoQueueSize = 32;

        private char[] _infoDigits; // the queue, made with the first digit sent in INFO
        private int[] _infoDurations;
        private int _infoHead;
        private int _infoCount;
        private ClientTransaction _infoTx;
        private InfoOwner _infoOwner;

        /// <summary>Digits waiting for the INFO before them to be answered.</summary>
        public int DtmfInfoPending { get { return _infoCount; } }

        /// <summary>
        /// Sends <paramref name="digit"/> (0-9, *, #, A-D) in an INFO with Content-Type
        /// application/dtmf-relay ("Signal=5\r\nDuration=160\r\n"). One INFO at a time: while one waits
        /// for its final response the digit is queued (a later INFO overtaking an earlier one would
        /// reorder the digits or be refused with 500). False when not connected, not a DTMF digit, or
        /// the queue (32) is full.
        /// </summary>
        public bool SendDtmfInfo(char digit, int durationMs)
        {
            if (_ended || _state != CallState.Connected || Dialog == null) return false;
            if (!DtmfDigits.IsDigit(digit) || _infoCount == InfoQueueSize) return false;
            if (_infoDigits == null)
            {
                _infoDigits = new char[InfoQueueSize];
                _infoDurations = new int[InfoQueueSize];
            }
            int at = (_infoHead + _infoCount) % InfoQueueSize;
            _infoDigits[at] = digit;
            _infoDurations[at] = durationMs;
            _infoCount++;
            if (_infoTx == null) SendNextInfo();
            return true;
        }

        private void SendNextInfo()
        {
            while (_infoCount > 0 && _infoTx == null && !_ended && _state == CallState.Connected)
            {
                char digit = _infoDigits[_infoHead];
                int duration = _infoDurations[_infoHead];
                _infoHead = (_infoHead + 1) % InfoQueueSize;
                _infoCount--;
                SipMessage info = Dialog.CreateRequest(SipMethods.Info);
                info.SetHeader(SipHeaderNames.UserAgent, _stack.Settings.UserAgent);
                info.SetBody(DtmfInfoBody.Format(digit, duration), DtmfInfoBody.RelayType);
                SipTarget target = RequestTarget();
                if (target == null)
                {
                    Log(LogLevel.Warning, "no route for INFO");
                    continue;
                }
                if (_infoOwner == null) _infoOwner = new InfoOwner(this);
                info.PrependHeader(SipHeaderNames.Via, _stack.Transport.NewVia(target.Transport, _stack.Transactions.NewBranch()).ToString());
                ClientTransaction tx = _stack.Transactions.SendRequest(info, target, _infoOwner);
                if (tx.IsTerminated) continue; // the transport failed at once (logged by the transaction)
                _infoTx = tx;
                Log(LogLevel.Info, "DTMF " + new string(digit, 1) + " sent in INFO");
            }
        }

        private void OnInfoFinal(ClientTransaction transaction, int status)
        {
            if (transaction != _infoTx) return;
            _infoTx = null;
            if (status >= 300) Log(LogLevel.Warning, "INFO with DTMF refused: " + status.ToString());
            if (status == 481)
            {
                _infoCount = 0; // the far end lost the dialog: the rest would fail the same way
                return;
            }
            SendNextInfo();
        }

        /// <summary>
        /// An INFO in the call's dialog. No body: 200 (used as a keep-alive). application/dtmf-relay
        /// or application/dtmf: 200 and the digit goes to <see cref="ICallListener.DtmfReceived"/>
        /// (a hook flash is answered but not reported); an unreadable one 400 with the reason. Any
        /// other body: 415 with Accept (RFC 3261 §8.2.3): we would not act on it, and a 415 to an
        /// in-dialog request fails only that transaction, never the call (RFC 5057 §5.1).
        /// </summary>
        internal void OnInfo(ServerTransaction transaction, SipMessage request)
        {
            if (request.BodyLength == 0)
            {
                transaction.Respond(200);
                return;
            }
            string type = request.ContentMediaType;
            if (!DtmfInfoBody.IsDtmfType(type))
            {
                SipMessage refusal = SipMessage.CreateResponse(request, 415, SipStatus.DefaultReason(415));
                refusal.SetHeader(SipHeaderNames.Accept, DtmfInfoBody.Accept);
                transaction.Respond(refusal);
                Log(LogLevel.Info, "INFO with " + (type == null ? "no type" : type) + " refused (415)");
                return;
            }
            char digit;
            int duration;
            string why;
            if (!DtmfInfoBody.TryParse(type, request.BodyText, out digit, out duration, out why))
            {
                transaction.Respond(SipMessage.CreateResponse(request, 400, why));
                Log(LogLevel.Info, "INFO with DTMF refused: " + why);
                return;
            }
            transaction.Respond(200);
            if (digit == '\0')
            {
                Log(LogLevel.Info, "hook flash received in INFO (ignored)");
                return;
            }
            Log(LogLevel.Info, "DTMF " + new string(digit, 1) + " received in INFO");
            Listener.DtmfReceived(this, digit);
        }

        /// <summary>Owns the INFO transactions so the call's own dispatch by method needs no change.</summary>
        private sealed class InfoOwner : IClientTransactionOwner
        {
            private readonly SipCall _call;

            public InfoOwner(SipCall call)
            {
                _call = call;
            }

            public void ResponseReceived(ClientTransaction transaction, SipMessage response)
            {
                if (response.StatusCode >= 200) _call.OnInfoFinal(transaction, response.StatusCode);
            }

            public void TimedOut(ClientTransaction transaction)
            {
                _call.OnInfoFinal(transaction, 408);
            }

            public void TransportFailed(ClientTransaction transaction)
            {
                _call.OnInfoFinal(transaction, 503);
            }
        }
    }
}
