// The SIP user agent core: transport, transactions, and the dispatch of new requests to usages.
using System;
using System.Collections;
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Transaction;
using DeskPhone.Firmware.Sip.Transport;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Sip
{
    /// <summary>
    /// One per phone. Owns the transport and the transaction layer, answers OPTIONS itself, hands
    /// other new requests to the handler registered for their method and refuses the rest with 501.
    /// Everything runs on the phone's event loop.
    /// </summary>
    public sealed class SipStack : ITransactionUser
    {
        /// <summary>Methods the phone understands (Allow).</summary>
        public const string AllowedMethods = "INVITE, ACK, CANCEL, BYE, OPTIONS, REFER, NOTIFY, SUBSCRIBE, INFO";

        private readonly Hashtable _handlers = new Hashtable();
        private readonly ArrayList _flowListeners = new ArrayList();
        private readonly ArrayList _dialogListeners = new ArrayList();

        /// <summary>A stack on <paramref name="network"/>, driven by <paramref name="loop"/>.</summary>
        public SipStack(EventLoop loop, INetwork network, TransportSettings settings, Random random)
        {
            Loop = loop;
            Random = random;
            Settings = settings;
            Transport = new SipTransport(loop, network, settings);
            Transactions = new TransactionLayer(loop, Transport, new SipTimers(), this, random);
            Transport.Receiver = Transactions;
        }

        /// <summary>The loop everything runs on.</summary>
        public EventLoop Loop { get; private set; }

        /// <summary>Randomness for tags, branches, Call-IDs, cnonces and jitter.</summary>
        public Random Random { get; private set; }

        /// <summary>Transport settings.</summary>
        public TransportSettings Settings { get; private set; }

        /// <summary>The transport layer.</summary>
        public SipTransport Transport { get; private set; }

        /// <summary>The transaction layer.</summary>
        public TransactionLayer Transactions { get; private set; }

        /// <summary>The log.</summary>
        public ILog Log { get { return Loop.Log; } }

        /// <summary>Binds the transport; false when the port is taken.</summary>
        public bool Start()
        {
            return Transport.Start();
        }

        /// <summary>Closes the transport.</summary>
        public void Stop()
        {
            Transport.Stop();
        }

        /// <summary>Sends new requests with <paramref name="method"/> to <paramref name="handler"/>.</summary>
        public void Handle(string method, IRequestHandler handler)
        {
            _handlers[method] = handler;
        }

        /// <summary>Hears about broken streams (registrations re-register over a new one).</summary>
        public void AddFlowListener(IFlowListener listener)
        {
            _flowListeners.Add(listener);
        }

        /// <summary>Hears about ACKs for 2xx and stray responses (the dialog layer).</summary>
        public void AddDialogListener(IDialogMessageListener listener)
        {
            _dialogListeners.Add(listener);
        }

        /// <summary>A new Call-ID.</summary>
        public string NewCallId()
        {
            return Transactions.RandomHex(20) + "@" + Transport.LocalAddress;
        }

        /// <summary>A new From/To tag.</summary>
        public string NewTag()
        {
            return Transactions.RandomHex(10);
        }

        /// <inheritdoc/>
        public void RequestReceived(ServerTransaction transaction, SipMessage request)
        {
            int problem = SipRequestCheck.Check(request);
            if (problem != 0)
            {
                Log.Write(LogLevel.Warning, "sip", request.Method + " refused with " + problem.ToString());
                SipMessage r = SipMessage.CreateResponse(request, problem, SipStatus.DefaultReason(problem));
                if (problem == 420) r.SetHeader(SipHeaderNames.Unsupported, UnsupportedOf(request));
                transaction.Respond(r);
                return;
            }
            if (request.Method == SipMethods.Options)
            {
                transaction.Respond(Capabilities(SipMessage.CreateResponse(request, 200, "OK")));
                return;
            }
            IRequestHandler handler = _handlers[request.Method] as IRequestHandler;
            if (handler == null)
            {
                SipMessage r = SipMessage.CreateResponse(request, 501, "Not Implemented");
                r.SetHeader(SipHeaderNames.Allow, AllowedMethods);
                transaction.Respond(r);
                return;
            }
            handler.RequestReceived(transaction, request);
        }

        /// <summary>Adds Allow, Accept, Supported and the product name to a response.</summary>
        public SipMessage Capabilities(SipMessage response)
        {
            response.SetHeader(SipHeaderNames.Allow, AllowedMethods);
            response.SetHeader(SipHeaderNames.Accept, "application/sdp");
            response.SetHeader(SipHeaderNames.Supported, "replaces");
            response.SetHeader("Server", Settings.UserAgent);
            return response;
        }

        /// <inheritdoc/>
        public void AckReceived(SipMessage ack)
        {
            for (int i = 0; i < _dialogListeners.Count; i++) ((IDialogMessageListener)_dialogListeners[i]).AckReceived(ack);
        }

        /// <inheritdoc/>
        public void CancelReceived(ServerTransaction invite, SipMessage cancel)
        {
            for (int i = 0; i < _dialogListeners.Count; i++) ((IDialogMessageListener)_dialogListeners[i]).CancelReceived(invite, cancel);
        }

        /// <inheritdoc/>
        public void StrayResponse(SipMessage response)
        {
            for (int i = 0; i < _dialogListeners.Count; i++) ((IDialogMessageListener)_dialogListeners[i]).StrayResponse(response);
        }

        /// <inheritdoc/>
        public void ServerTransactionFailed(ServerTransaction transaction)
        {
            Log.Write(LogLevel.Warning, "sip", transaction.Method + " server transaction failed (no ACK, or the response could not be sent)");
        }

        /// <inheritdoc/>
        public void FlowFailed(SipTarget peer, string reason)
        {
            for (int i = 0; i < _flowListeners.Count; i++) ((IFlowListener)_flowListeners[i]).FlowFailed(peer, reason);
        }

        private static string UnsupportedOf(SipMessage request)
        {
            string[] required = request.Require;
            string result = "";
            for (int i = 0; i < required.Length; i++)
            {
                if (required[i] == "replaces") continue;
                result = result.Length == 0 ? required[i] : result + ", " + required[i];
            }
            return result;
        }
    }

    /// <summary>Hears that a stream to a peer broke.</summary>
    public interface IFlowListener
    {
        /// <summary>The stream to <paramref name="peer"/> broke for <paramref name="reason"/>.</summary>
        void FlowFailed(SipTarget peer, string reason);
    }

    /// <summary>Hears the messages that belong to dialogs rather than transactions.</summary>
    public interface IDialogMessageListener
    {
        /// <summary>An ACK for a 2xx.</summary>
        void AckReceived(SipMessage ack);

        /// <summary>A CANCEL for a pending INVITE (already answered 200).</summary>
        void CancelReceived(ServerTransaction invite, SipMessage cancel);

        /// <summary>A response no transaction wanted (a retransmitted 2xx).</summary>
        void StrayResponse(SipMessage response);
    }
}
