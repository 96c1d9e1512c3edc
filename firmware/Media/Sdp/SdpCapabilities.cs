// What this phone brings to an offer/answer exchange: where it receives RTP and which codecs it takes.
namespace DeskPhone.Firmware.Media.Sdp
{
    /// <summary>
    /// The local side of a negotiation: the RTP address and port, codecs in preference order
    /// (telephone-event among them if DTMF events are wanted), packet time and the o= line's
    /// user name and session id. Plain settings; set them before handing the object over.
    /// </summary>
    public sealed class SdpCapabilities
    {
        private string _address;
        private int _port;
        private SdpCodec[] _codecs;
        private int _ptime = 20;
        private string _username = "-";
        private ulong _sessionId;

        /// <summary>Receives RTP on <paramref name="address"/>:<paramref name="port"/> and takes <paramref name="codecs"/>, best first.</summary>
        public SdpCapabilities(string address, int port, SdpCodec[] codecs)
        {
            _address = address;
            _port = port;
            _codecs = codecs == null ? new SdpCodec[0] : codecs;
        }

        /// <summary>The IPv4 or IPv6 address written in c= and o=.</summary>
        public string Address
        {
            get { return _address; }
            set { _address = value; }
        }

        /// <summary>The local RTP port (even, RTCP on the next one).</summary>
        public int Port
        {
            get { return _port; }
            set { _port = value; }
        }

        /// <summary>The codecs, best first.</summary>
        public SdpCodec[] Codecs
        {
            get { return _codecs; }
            set { _codecs = value == null ? new SdpCodec[0] : value; }
        }

        /// <summary>The packet time asked for in a=ptime, in milliseconds (20).</summary>
        public int Ptime
        {
            get { return _ptime; }
            set { _ptime = value; }
        }

        /// <summary>The o= user name ("-" unless the account wants its user name shown).</summary>
        public string Username
        {
            get { return _username; }
            set { _username = value; }
        }

        /// <summary>The o= session id: one number per call, for example seconds since 1900 at call start. Also the first version.</summary>
        public ulong SessionId
        {
            get { return _sessionId; }
            set { _sessionId = value; }
        }

        /// <summary>The telephone-event codec among <see cref="Codecs"/>, or null when DTMF events are not offered.</summary>
        public SdpCodec TelephoneEvent
        {
            get
            {
                for (int i = 0; i < _codecs.Length; i++)
                {
                    if (_codecs[i] != null && _codecs[i].IsTelephoneEvent) return _codecs[i];
                }
                return null;
            }
        }
    }
}
