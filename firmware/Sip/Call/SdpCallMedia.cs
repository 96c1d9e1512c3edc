// The SDP side of calls: one SdpOfferAnswer per call, RTP ports from a pool, and the factory the CallManager uses.
using System;
using DeskPhone.Firmware.Media.Sdp;

namespace DeskPhone.Firmware.Sip.Call
{
    /// <summary>
    /// <see cref="ICallMedia"/> over one <see cref="SdpOfferAnswer"/>: offers, answers, hold and
    /// resume as SDP text, the agreed <see cref="Negotiated"/> media, and one even RTP port (RTCP
    /// on the next) held from creation until <see cref="Stop"/>. Used on the loop thread only.
    /// </summary>
    public sealed class SdpCallMedia : ICallMedia
    {
        private readonly SdpOfferAnswer _sdp;
        private readonly RtpPortPool _ports;
        private string _lastOffer; // the text of our last offer
        private bool _lastSentWasOffer;
        private bool _stopped;

        /// <summary>Media receiving on <paramref name="local"/> (its port from <paramref name="ports"/>, or -1 when none was free).</summary>
        public SdpCallMedia(SdpCapabilities local, RtpPortPool ports)
        {
            if (local == null) throw new ArgumentNullException("local");
            _sdp = new SdpOfferAnswer(local);
            _ports = ports;
        }

        /// <summary>The offer/answer state of the call (versions, hold both ways, last bodies).</summary>
        public SdpOfferAnswer OfferAnswer { get { return _sdp; } }

        /// <summary>Our RTP port (RTCP is the next one), or -1 when the pool had none.</summary>
        public int Port { get { return _sdp.Local.Port; } }

        /// <summary>True once <see cref="Stop"/> released the port.</summary>
        public bool IsStopped { get { return _stopped; } }

        /// <summary>Why the last offer or answer of the peer was refused, or null.</summary>
        public string LastProblem { get; private set; }

        /// <inheritdoc/>
        public NegotiatedMedia Negotiated { get { return _sdp.Media; } }

        private bool HasPort { get { return _sdp.Local.Port > 0 && !_stopped; } }

        /// <inheritdoc/>
        public string CreateOffer()
        {
            if (!HasPort) return null;
            return Sent(_sdp.CreateOffer());
        }

        /// <inheritdoc/>
        public string HoldOffer(bool hold)
        {
            if (!HasPort) return null;
            return Sent(hold ? _sdp.CreateHoldOffer() : _sdp.CreateResumeOffer());
        }

        private string Sent(SdpSession offer)
        {
            _lastOffer = _sdp.LastLocalText; // the offer's text, as the offer/answer state keeps it (one string for both)
            _lastSentWasOffer = true;
            return _lastOffer;
        }

        /// <inheritdoc/>
        public string AnswerFor(string offer, out int status, out string reason)
        {
            status = 0;
            reason = null;
            if (!HasPort)
            {
                status = 503;
                reason = "no RTP port free";
            }
            else
            {
                SdpSession session;
                string why;
                if (!SdpSession.TryParse(offer, out session, out why))
                {
                    status = SdpAnswerResult.BadRequest;
                    reason = "unreadable SDP: " + why;
                }
                else
                {
                    SdpAnswerResult result = _sdp.ReceiveOffer(session);
                    if (result.Accepted)
                    {
                        _lastSentWasOffer = false;
                        LastProblem = null;
                        return _sdp.LastLocalText; // the answer's text
                    }
                    status = result.Status;
                    reason = result.Reason;
                }
            }
            LastProblem = reason;
            return null;
        }

        /// <inheritdoc/>
        public bool RemoteAnswer(string answer, out string reason)
        {
            SdpSession session;
            if (!SdpSession.TryParse(answer, out session, out reason))
            {
                reason = "unreadable SDP answer: " + reason;
                _sdp.CancelOffer();
                LastProblem = reason;
                return false;
            }
            if (!_sdp.HasPendingOffer && _lastSentWasOffer && _lastOffer != null
                && (_sdp.LastRemoteOrigin == null || !SdpOfferAnswer.SameOrigin(session.Origin, _sdp.LastRemoteOrigin)))
            {
                // Another answer to the offer already answered: a second fork's 18x, or a 200 whose SDP
                // differs from the 183's. Our offer again is the same text when nothing changed; answer that.
                if (_sdp.CreateOffer().ToString() != _lastOffer) _sdp.CancelOffer();
            }
            if (_sdp.ReceiveAnswer(session, out reason))
            {
                LastProblem = null;
                return true;
            }
            LastProblem = reason;
            return false;
        }

        /// <inheritdoc/>
        public void OfferRejected()
        {
            _lastSentWasOffer = false;
            _sdp.CancelOffer();
        }

        /// <inheritdoc/>
        public void Stop()
        {
            if (_stopped) return;
            _stopped = true;
            _sdp.CancelOffer();
            if (_ports != null && _sdp.Local.Port > 0) _ports.Release(_sdp.Local.Port);
        }
    }

    /// <summary>
    /// Hands every new call an <see cref="SdpCallMedia"/>: our address, an RTP port from the pool,
    /// the codecs in preference order and a fresh o= session id.
    /// </summary>
    public sealed class SdpCallMediaFactory : ICallMediaFactory
    {
        private readonly RtpPortPool _ports;
        private readonly Random _random;

        /// <summary>Calls receive RTP on <paramref name="localAddress"/>, ports from <paramref name="ports"/>, <paramref name="codecs"/> best first (null: <see cref="SdpCodec.PhoneDefaults"/>).</summary>
        public SdpCallMediaFactory(string localAddress, RtpPortPool ports, SdpCodec[] codecs, Random random)
        {
            if (ports == null) throw new ArgumentNullException("ports");
            LocalAddress = localAddress;
            _ports = ports;
            Codecs = codecs == null ? SdpCodec.PhoneDefaults() : codecs;
            _random = random == null ? new Random() : random;
            Ptime = 20;
        }

        /// <summary>Calls on <paramref name="localAddress"/>, even ports 40000-40998, <see cref="SdpCodec.PhoneDefaults"/>.</summary>
        public SdpCallMediaFactory(string localAddress)
            : this(localAddress, new RtpPortPool(40000, 40998), null, null)
        {
        }

        /// <summary>The address written in c= and o= (change it when the phone's address changes).</summary>
        public string LocalAddress { get; set; }

        /// <summary>The codecs offered and accepted, best first.</summary>
        public SdpCodec[] Codecs { get; set; }

        /// <summary>The packet time asked for (a=ptime), 20 ms.</summary>
        public int Ptime { get; set; }

        /// <summary>The RTP ports calls take and give back.</summary>
        public RtpPortPool Ports { get { return _ports; } }

        /// <inheritdoc/>
        public ICallMedia CreateMedia(SipCall call)
        {
            SdpCapabilities local = new SdpCapabilities(LocalAddress, _ports.Take(), Codecs);
            local.Ptime = Ptime;
            local.SessionId = (ulong)_random.Next(1, int.MaxValue);
            return new SdpCallMedia(local, _ports);
        }
    }

    /// <summary>
    /// Even RTP ports from a range (RTCP on each one's odd neighbour), handed out round-robin so a
    /// port just released is not reused at once (late packets of the old call find nobody).
    /// </summary>
    public sealed class RtpPortPool
    {
        private readonly int _first;
        private readonly bool[] _used;
        private int _next;
        private int _inUse;

        /// <summary>Even ports from <paramref name="first"/> (rounded up to even) to <paramref name="last"/> (40000-40998: 500 ports).</summary>
        public RtpPortPool(int first, int last)
        {
            if (first % 2 != 0) first++;
            if (first <= 0 || last < first || last > 65534) throw new ArgumentOutOfRangeException("first");
            _first = first;
            _used = new bool[(last - first) / 2 + 1];
        }

        /// <summary>How many ports the range holds.</summary>
        public int Capacity { get { return _used.Length; } }

        /// <summary>How many are taken.</summary>
        public int InUse { get { return _inUse; } }

        /// <summary>The lowest port of the range.</summary>
        public int First { get { return _first; } }

        /// <summary>The highest RTP port of the range.</summary>
        public int Last { get { return _first + 2 * (_used.Length - 1); } }

        /// <summary>A free port, or -1 when all are taken.</summary>
        public int Take()
        {
            for (int n = 0; n < _used.Length; n++)
            {
                int i = (_next + n) % _used.Length;
                if (_used[i]) continue;
                _used[i] = true;
                _inUse++;
                _next = (i + 1) % _used.Length;
                return _first + 2 * i;
            }
            return -1;
        }

        /// <summary>True when <paramref name="port"/> is taken.</summary>
        public bool IsTaken(int port)
        {
            int i = IndexOf(port);
            return i >= 0 && _used[i];
        }

        /// <summary>Gives <paramref name="port"/> back; ports outside the range or already free are ignored.</summary>
        public void Release(int port)
        {
            int i = IndexOf(port);
            if (i < 0 || !_used[i]) return;
            _used[i] = false;
            _inUse--;
        }

        private int IndexOf(int port)
        {
            if (port < _first || (port - _first) % 2 != 0) return -1;
            int i = (port - _first) / 2;
            return i < _used.Length ? i : -1;
        }
    }
}
