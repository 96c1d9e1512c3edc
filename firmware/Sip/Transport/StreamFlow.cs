// One TCP/TLS connection: framing, CRLF keep-alive ping/pong (RFC 5626 §3.5.1, §4.4.1).
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Sip.Transport
{
    /// <summary>A stream to one peer, with its framer and keep-alive timers. Lives on the loop.</summary>
    internal sealed class StreamFlow
    {
        private static readonly byte[] Ping = new byte[] { 13, 10, 13, 10 };
        private static readonly byte[] Pong = new byte[] { 13, 10 };

        private readonly SipTransport _transport;
        private readonly SipStreamFramer _framer = new SipStreamFramer();
        private LoopTimer _keepAlive;
        private LoopTimer _pongWait;

        public StreamFlow(SipTransport transport, SipTarget peer)
        {
            _transport = transport;
            Peer = peer;
        }

        public SipTarget Peer;
        public ITcpConnection Connection;
        public bool Closed;

        public void StartKeepAlive(int seconds)
        {
            if (seconds <= 0) return;
            _keepAlive = _transport.Loop.StartPeriodic(seconds * 1000, SendPing);
        }

        /// <summary>Bytes arrived (on the loop).</summary>
        public void OnData(byte[] data)
        {
            if (Closed) return;
            _framer.Write(data, 0, data.Length);
            while (!Closed)
            {
                byte[] frame;
                SipFrameKind kind = _framer.Read(out frame);
                if (kind == SipFrameKind.None) return;
                if (kind == SipFrameKind.Ping) Connection.Send(Pong, 0, Pong.Length);
                else if (kind == SipFrameKind.Pong) PongArrived();
                else if (kind == SipFrameKind.Error) { _transport.FlowBroken(this, "framing: " + _framer.Error); return; }
                else _transport.Handle(frame, 0, frame.Length, Peer);
            }
        }

        public void Stop()
        {
            Closed = true;
            if (_keepAlive != null) { _keepAlive.Cancel(); _keepAlive = null; }
            if (_pongWait != null) { _pongWait.Cancel(); _pongWait = null; }
        }

        private void SendPing()
        {
            if (Closed || _pongWait != null) return;
            Connection.Send(Ping, 0, Ping.Length);
            _pongWait = _transport.Loop.StartTimer(_transport.Settings.PongTimeoutSeconds * 1000, PongMissing);
        }

        private void PongArrived()
        {
            if (_pongWait != null) { _pongWait.Cancel(); _pongWait = null; }
        }

        private void PongMissing()
        {
            _pongWait = null;
            _transport.FlowBroken(this, "no keep-alive pong within " + _transport.Settings.PongTimeoutSeconds.ToString() + " s");
        }
    }
}
