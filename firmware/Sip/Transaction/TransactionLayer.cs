// Matches messages to transactions (RFC 3261 §17.1.3, §17.2.3) and creates new ones.
using System;
using System.Collections;
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Transport;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Sip.Transaction
{
    /// <summary>
    /// The transaction layer. The transport hands it every parsed message (<see cref="OnMessage"/>);
    /// it finds the transaction by branch, sent-by and method (RFC 3261), or by the RFC 2543 fields
    /// when the branch lacks the magic cookie, and passes new requests to the TU. Runs on the loop.
    /// </summary>
    public sealed class TransactionLayer : ISipReceiver
    {
        internal readonly EventLoop Loop;
        internal readonly ISipSender Sender;
        internal readonly SipTimers Timers;
        internal readonly ITransactionUser User;
        internal readonly ILog Log;
        private readonly Hashtable _clients = new Hashtable();
        private readonly Hashtable _servers = new Hashtable();
        private readonly Random _random;

        /// <summary>A layer sending through <paramref name="sender"/> and reporting new requests to <paramref name="user"/>.</summary>
        public TransactionLayer(EventLoop loop, ISipSender sender, SipTimers timers, ITransactionUser user, Random random)
        {
            Loop = loop;
            Sender = sender;
            Timers = timers;
            User = user;
            Log = loop.Log;
            _random = random;
        }

        /// <summary>Live client transactions.</summary>
        public int ClientCount { get { return _clients.Count; } }

        /// <summary>Live server transactions.</summary>
        public int ServerCount { get { return _servers.Count; } }

        /// <summary>A fresh RFC 3261 branch: the magic cookie and 16 random hex digits.</summary>
        public string NewBranch()
        {
            return SipVia.MagicCookie + RandomHex(16);
        }

        /// <summary>Random lowercase hex, for branches, tags and Call-IDs.</summary>
        public string RandomHex(int digits)
        {
            char[] c = new char[digits];
            for (int i = 0; i < digits; i++) c[i] = "0123456789abcdef"[_random.Next(16)];
            return new string(c);
        }

        /// <summary>
        /// Starts a client transaction for <paramref name="request"/> (its top Via must carry a
        /// branch) towards <paramref name="target"/>. ACK is not a transaction: send it with the sender.
        /// </summary>
        public ClientTransaction SendRequest(SipMessage request, SipTarget target, IClientTransactionOwner owner)
        {
            if (request.Method == SipMethods.Ack) throw new ArgumentException("ACK is sent without a transaction");
            SipVia via = request.TopVia;
            if (via == null || via.Branch == null) throw new ArgumentException("the request needs a top Via with a branch");
            string key = ClientKey(via.Branch, request.CSeqMethod);
            ClientTransaction tx;
            if (request.Method == SipMethods.Invite) tx = new InviteClientTransaction(this, request, target, key, owner);
            else tx = new NonInviteClientTransaction(this, request, target, key, owner);
            _clients[key] = tx;
            tx.Begin();
            return tx;
        }

        /// <summary>
        /// A message from the transport. Requests already carry received/rport on their top Via
        /// (RFC 3581); <paramref name="source"/> is where it came from.
        /// </summary>
        public void OnMessage(SipMessage message, SipTarget source)
        {
            if (message.IsResponse) OnResponse(message);
            else OnRequest(message, source);
        }

        /// <inheritdoc/>
        public void MessageReceived(SipMessage message, SipTarget source)
        {
            OnMessage(message, source);
        }

        /// <inheritdoc/>
        public void FlowFailed(SipTarget peer, string reason)
        {
            ArrayList failed = new ArrayList();
            foreach (DictionaryEntry e in _clients)
            {
                ClientTransaction tx = (ClientTransaction)e.Value;
                if (tx.Peer.SameAs(peer)) failed.Add(tx);
            }
            for (int i = 0; i < failed.Count; i++) ((ClientTransaction)failed[i]).FailTransport();
            User.FlowFailed(peer, reason);
        }

        /// <summary>The INVITE server transaction a CANCEL refers to, or null.</summary>
        public InviteServerTransaction FindInviteServer(SipMessage cancel)
        {
            return _servers[ServerKey(cancel, SipMethods.Invite)] as InviteServerTransaction;
        }

        internal void Remove(Transaction tx)
        {
            if (tx is ClientTransaction) { if (_clients[tx.Key] == tx) _clients.Remove(tx.Key); }
            else if (_servers[tx.Key] == tx) _servers.Remove(tx.Key);
        }

        private void OnResponse(SipMessage response)
        {
            SipVia via = response.TopVia;
            string method = response.CSeqMethod;
            if (via == null || via.Branch == null || method == null) return;
            ClientTransaction tx = _clients[ClientKey(via.Branch, method)] as ClientTransaction;
            if (tx == null)
            {
                User.StrayResponse(response);
                return;
            }
            tx.OnResponse(response);
        }

        private void OnRequest(SipMessage request, SipTarget source)
        {
            string method = request.Method;
            SipTarget replyTo = ResponseTarget(request, source);
            if (method == SipMethods.Ack)
            {
                InviteServerTransaction invite = _servers[ServerKey(request, SipMethods.Invite)] as InviteServerTransaction;
                if (invite == null || invite.OnAck(request)) User.AckReceived(request);
                return;
            }
            string key = ServerKey(request, method);
            ServerTransaction existing = _servers[key] as ServerTransaction;
            if (existing != null)
            {
                existing.OnRetransmission(request);
                return;
            }
            ServerTransaction tx;
            if (method == SipMethods.Invite) tx = new InviteServerTransaction(this, request, replyTo, key);
            else tx = new NonInviteServerTransaction(this, request, replyTo, key);
            _servers[key] = tx;
            tx.Delivering();
            if (method == SipMethods.Cancel)
            {
                InviteServerTransaction invite = FindInviteServer(request);
                if (invite == null || invite.IsAnswered) tx.Respond(481);
                else
                {
                    tx.Respond(200);
                    invite.Cancelled = true;
                    User.CancelReceived(invite, request);
                }
            }
            else User.RequestReceived(tx, request);
            tx.Delivered();
        }

        /// <summary>Where responses to <paramref name="request"/> go (RFC 3261 §18.2.2, RFC 3581 §4).</summary>
        private static SipTarget ResponseTarget(SipMessage request, SipTarget source)
        {
            if (source.IsReliable) return source;
            SipVia via = request.TopVia;
            if (via == null) return source;
            if (via.Maddr != null) return new SipTarget(source.Transport, via.Maddr, via.PortOrDefault);
            string host = via.Received != null ? via.Received : source.Address;
            int port = via.HasRport && via.Rport != 0 ? via.Rport : via.PortOrDefault;
            return new SipTarget(source.Transport, host, port);
        }

        private static string ClientKey(string branch, string method)
        {
            return "c|" + branch + "|" + method;
        }

        /// <summary>§17.2.3: branch + sent-by + method (ACK and CANCEL look for the INVITE with <paramref name="method"/>).</summary>
        private static string ServerKey(SipMessage request, string method)
        {
            SipVia via = request.TopVia;
            if (via != null && via.HasRfc3261Branch)
                return "s|" + via.Branch + "|" + via.SentBy + "|" + method;
            // RFC 2543 fallback: Request-URI, From tag, Call-ID, CSeq number and top Via (To tag left
            // out: the INVITE had none, its ACK carries ours).
            return "s2543|" + request.RequestUriText + "|" + request.FromTag + "|" + request.CallId + "|"
                + request.CSeqNumber.ToString() + "|" + (via == null ? "" : via.ToString()) + "|" + method;
        }

        /// <summary>The ACK for a 3xx-6xx final response (RFC 3261 §17.1.1.3), sent by the transaction itself.</summary>
        internal SipMessage BuildAckForFailure(SipMessage invite, SipMessage response)
        {
            SipMessage ack = SipMessage.CreateRequest(SipMethods.Ack, invite.RequestUriText);
            ack.AddHeader(SipHeaderNames.Via, invite.TopVia.ToString());
            CopyHeaders(invite, ack, SipHeaderNames.Route);
            ack.AddHeader(SipHeaderNames.From, invite.GetHeader(SipHeaderNames.From));
            ack.AddHeader(SipHeaderNames.To, response.GetHeader(SipHeaderNames.To));
            ack.AddHeader(SipHeaderNames.CallId, invite.CallId);
            ack.AddHeader(SipHeaderNames.CSeq, invite.CSeqNumber.ToString() + " ACK");
            ack.AddHeader(SipHeaderNames.MaxForwards, "70");
            return ack;
        }

        /// <summary>The CANCEL for an INVITE (RFC 3261 §9.1): same Request-URI, Call-ID, To, From, CSeq number and top Via.</summary>
        internal SipMessage BuildCancel(SipMessage invite)
        {
            SipMessage cancel = SipMessage.CreateRequest(SipMethods.Cancel, invite.RequestUriText);
            cancel.AddHeader(SipHeaderNames.Via, invite.TopVia.ToString());
            CopyHeaders(invite, cancel, SipHeaderNames.Route);
            cancel.AddHeader(SipHeaderNames.From, invite.GetHeader(SipHeaderNames.From));
            cancel.AddHeader(SipHeaderNames.To, invite.GetHeader(SipHeaderNames.To));
            cancel.AddHeader(SipHeaderNames.CallId, invite.CallId);
            cancel.AddHeader(SipHeaderNames.CSeq, invite.CSeqNumber.ToString() + " CANCEL");
            cancel.AddHeader(SipHeaderNames.MaxForwards, "70");
            return cancel;
        }

        private static void CopyHeaders(SipMessage from, SipMessage to, string name)
        {
            string[] values = from.GetHeaders(name);
            for (int i = 0; i < values.Length; i++) to.AddHeader(name, values[i]);
        }
    }
}
