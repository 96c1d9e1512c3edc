// RFC 3261 §18: SIP over UDP and TCP/TLS through the HAL network, with RFC 3581 and RFC 5626 keep-alives.
using System.Collections;
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Sip.Transport
{
    /// <summary>
    /// The transport layer. Datagrams and stream bytes arrive on HAL threads and are posted into the
    /// loop; there they are parsed. Bad requests get their 400/505/513 answered statelessly, bad
    /// responses are dropped, requests from untrusted addresses get 403, and everything else goes up
    /// to the <see cref="ISipReceiver"/> with received/rport stamped on requests (RFC 3581).
    /// </summary>
    public sealed class SipTransport : ISipSender
    {
        internal readonly EventLoop Loop;
        internal readonly TransportSettings Settings;
        private readonly INetwork _network;
        private readonly ILog _log;
        private readonly Hashtable _flows = new Hashtable();
        private IUdpEndpoint _udp;

        /// <summary>A transport on <paramref name="network"/>; call <see cref="Start"/> on the loop.</summary>
        public SipTransport(EventLoop loop, INetwork network, TransportSettings settings)
        {
            Loop = loop;
            _network = network;
            Settings = settings;
            _log = loop.Log;
        }

        /// <summary>Who gets accepted messages (the transaction layer).</summary>
        public ISipReceiver Receiver { get; set; }

        /// <summary>Our address, for Via and Contact.</summary>
        public string LocalAddress { get { return _network.LocalAddress; } }

        /// <summary>The bound UDP port (0 before <see cref="Start"/>).</summary>
        public int UdpPort { get { return _udp == null ? 0 : _udp.LocalPort; } }

        /// <summary>Messages passed up.</summary>
        public int Accepted { get; private set; }

        /// <summary>Requests answered with an error here (bad syntax, untrusted source).</summary>
        public int Refused { get; private set; }

        /// <summary>Bad responses and other input dropped without an answer.</summary>
        public int Dropped { get; private set; }

        /// <summary>Binds the UDP port; false when it is taken.</summary>
        public bool Start()
        {
            _udp = _network.OpenUdp(Settings.UdpPort, OnDatagram);
            if (_udp == null)
            {
                _log.Write(LogLevel.Error, "sip.transport", "UDP port " + Settings.UdpPort.ToString() + " is taken");
                return false;
            }
            _log.Write(LogLevel.Info, "sip.transport", "listening on UDP " + LocalAddress + ":" + _udp.LocalPort.ToString());
            return true;
        }

        /// <summary>Closes the UDP port and every stream.</summary>
        public void Stop()
        {
            if (_udp != null) { _udp.Close(); _udp = null; }
            foreach (DictionaryEntry e in CopyFlows()) CloseFlow((StreamFlow)e.Value);
        }

        /// <summary>A Via for a request we send over <paramref name="transport"/>, asking for rport (RFC 3581).</summary>
        public SipVia NewVia(string transport, string branch)
        {
            return new SipVia(transport, LocalAddress, transport == "UDP" ? UdpPort : 0, branch, true);
        }

        /// <inheritdoc/>
        public bool Send(SipMessage message, SipTarget target)
        {
            byte[] bytes = message.ToBytes();
            if (target.Transport == "UDP")
            {
                if (_udp == null) return false;
                return _udp.SendTo(bytes, 0, bytes.Length, target.Address, target.Port);
            }
            StreamFlow flow = FlowTo(target);
            return flow != null && flow.Connection.Send(bytes, 0, bytes.Length);
        }

        /// <summary>True while a stream to <paramref name="target"/> is open.</summary>
        public bool HasFlow(SipTarget target)
        {
            StreamFlow f = _flows[FlowKey(target)] as StreamFlow;
            return f != null && !f.Closed;
        }

        /// <summary>Parses and dispatches one message that arrived from <paramref name="source"/> (on the loop).</summary>
        internal void Handle(byte[] data, int offset, int count, SipTarget source)
        {
            SipMessage message;
            SipParseError error;
            int limit = source.IsReliable ? SipStreamFramer.MaxMessageBytes : SipParser.MaxMessageBytes;
            if (!SipParser.TryParse(data, offset, count, limit, out message, out error))
            {
                if (error.CanAnswer)
                {
                    Refused++;
                    _log.Write(LogLevel.Warning, "sip.transport", "bad request from " + source.ToString() + ": " + error.ToString());
                    AnswerStatelessly(error.Partial, error.Status, error.Reason, source);
                }
                else
                {
                    Dropped++;
                    _log.Write(LogLevel.Debug, "sip.transport", "dropped from " + source.ToString() + ": " + error.ToString());
                }
                return;
            }
            if (message.IsRequest)
            {
                message.ApplyReceived(source.Address, source.Port);
                if (!IsTrusted(source.Address))
                {
                    Refused++;
                    _log.Write(LogLevel.Warning, "sip.transport", message.Method + " from untrusted " + source.ToString() + " refused with 403");
                    if (message.Method != SipMethods.Ack) AnswerStatelessly(message, 403, "Forbidden", source);
                    return;
                }
            }
            else if (message.TopVia == null)
            {
                Dropped++;
                return;
            }
            Accepted++;
            if (Receiver != null) Receiver.MessageReceived(message, source);
        }

        internal void FlowBroken(StreamFlow flow, string reason)
        {
            if (flow.Closed) return;
            _log.Write(LogLevel.Warning, "sip.transport", "stream to " + flow.Peer.ToString() + " failed: " + reason);
            CloseFlow(flow);
            if (Receiver != null) Receiver.FlowFailed(flow.Peer, reason);
        }

        private bool IsTrusted(string address)
        {
            string[] trusted = Settings.TrustedAddresses;
            if (trusted == null || trusted.Length == 0) return true;
            for (int i = 0; i < trusted.Length; i++)
            {
                if (trusted[i] == address) return true;
            }
            return false;
        }

        private void AnswerStatelessly(SipMessage request, int status, string reason, SipTarget source)
        {
            SipMessage response = SipMessage.CreateResponse(request, status, reason);
            response.SetHeader("Server", Settings.UserAgent);
            SipVia via = request.TopVia;
            int port = source.Port;
            if (!source.IsReliable && via != null && !via.HasRport) port = via.PortOrDefault;
            Send(response, new SipTarget(source.Transport, source.Address, port));
        }

        private StreamFlow FlowTo(SipTarget target)
        {
            string key = FlowKey(target);
            StreamFlow flow = _flows[key] as StreamFlow;
            if (flow != null && !flow.Closed) return flow;
            flow = new StreamFlow(this, target);
            StreamHandlers handlers = new StreamHandlers(this, flow);
            string tlsName = target.Transport == "TLS" ? (Settings.TlsServerName != null ? Settings.TlsServerName : target.Address) : null;
            flow.Connection = _network.ConnectTcp(target.Address, target.Port, tlsName, handlers.OnConnected, handlers.OnData, handlers.OnClosed);
            if (flow.Connection == null) return null;
            _flows[key] = flow;
            flow.StartKeepAlive(Settings.KeepAliveSeconds);
            return flow;
        }

        private void CloseFlow(StreamFlow flow)
        {
            flow.Stop();
            _flows.Remove(FlowKey(flow.Peer));
            if (flow.Connection != null) flow.Connection.Close();
        }

        private Hashtable CopyFlows()
        {
            return (Hashtable)_flows.Clone();
        }

        private static string FlowKey(SipTarget t)
        {
            return t.Transport + "|" + t.Address + "|" + t.Port.ToString();
        }

        private void OnDatagram(byte[] data, int offset, int count, string address, int port)
        {
            byte[] copy = new byte[count];
            System.Array.Copy(data, offset, copy, 0, count);
            Loop.Post(new Inbound(this, copy, new SipTarget("UDP", address, port)).Deliver);
        }

        /// <summary>A datagram on its way into the loop.</summary>
        private sealed class Inbound
        {
            private readonly SipTransport _transport;
            private readonly byte[] _data;
            private readonly SipTarget _source;

            public Inbound(SipTransport transport, byte[] data, SipTarget source)
            {
                _transport = transport;
                _data = data;
                _source = source;
            }

            public void Deliver()
            {
                _transport.Handle(_data, 0, _data.Length, _source);
            }
        }

        /// <summary>HAL stream callbacks for one flow, each posted into the loop.</summary>
        private sealed class StreamHandlers
        {
            private readonly SipTransport _transport;
            private readonly StreamFlow _flow;

            public StreamHandlers(SipTransport transport, StreamFlow flow)
            {
                _transport = transport;
                _flow = flow;
            }

            public void OnConnected(ITcpConnection connection)
            {
            }

            public void OnData(ITcpConnection connection, byte[] data, int offset, int count)
            {
                byte[] copy = new byte[count];
                System.Array.Copy(data, offset, copy, 0, count);
                _transport.Loop.Post(new StreamBytes(_flow, copy).Deliver);
            }

            public void OnClosed(ITcpConnection connection, string reason)
            {
                _transport.Loop.Post(new StreamClose(_transport, _flow, reason).Deliver);
            }
        }

        private sealed class StreamBytes
        {
            private readonly StreamFlow _flow;
            private readonly byte[] _data;

            public StreamBytes(StreamFlow flow, byte[] data)
            {
                _flow = flow;
                _data = data;
            }

            public void Deliver() { _flow.OnData(_data); }
        }

        private sealed class StreamClose
        {
            private readonly SipTransport _transport;
            private readonly StreamFlow _flow;
            private readonly string _reason;

            public StreamClose(SipTransport transport, StreamFlow flow, string reason)
            {
                _transport = transport;
                _flow = flow;
                _reason = reason;
            }

            public void Deliver() { _transport.FlowBroken(_flow, _reason); }
        }
    }
}
