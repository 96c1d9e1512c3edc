// The RFC 3261 transaction timers (§17, table 4), with RFC 6026's L and M.
namespace DeskPhone.Firmware.Sip.Transaction
{
    /// <summary>Timer values in milliseconds, named as in RFC 3261 §17 and RFC 6026.</summary>
    public sealed class SipTimers
    {
        /// <summary>The defaults: T1 500 ms, T2 4 s, T4 5 s.</summary>
        public SipTimers()
        {
            T1 = 500;
            T2 = 4000;
            T4 = 5000;
        }

        /// <summary>RTT estimate.</summary>
        public int T1;
        /// <summary>Maximum retransmit interval for non-INVITE requests and INVITE responses.</summary>
        public int T2;
        /// <summary>Maximum duration a message stays in the network.</summary>
        public int T4;

        /// <summary>Timer A: INVITE retransmit, initially T1 (UDP only).</summary>
        public int A { get { return T1; } }
        /// <summary>Timer B: INVITE transaction timeout, 64·T1.</summary>
        public int B { get { return 64 * T1; } }
        /// <summary>Timer D: wait for response retransmits, 32 s on UDP, 0 on TCP/TLS.</summary>
        public int D(bool reliable) { return reliable ? 0 : 32000; }
        /// <summary>Timer E: non-INVITE retransmit, initially T1 (UDP only).</summary>
        public int E { get { return T1; } }
        /// <summary>Timer F: non-INVITE transaction timeout, 64·T1.</summary>
        public int F { get { return 64 * T1; } }
        /// <summary>Timer G: INVITE response retransmit, initially T1 (UDP only).</summary>
        public int G { get { return T1; } }
        /// <summary>Timer H: wait for ACK receipt, 64·T1.</summary>
        public int H { get { return 64 * T1; } }
        /// <summary>Timer I: wait for ACK retransmits, T4 on UDP, 0 on TCP/TLS.</summary>
        public int I(bool reliable) { return reliable ? 0 : T4; }
        /// <summary>Timer J: wait for non-INVITE request retransmits, 64·T1 on UDP, 0 on TCP/TLS.</summary>
        public int J(bool reliable) { return reliable ? 0 : 64 * T1; }
        /// <summary>Timer K: wait for response retransmits, T4 on UDP, 0 on TCP/TLS.</summary>
        public int K(bool reliable) { return reliable ? 0 : T4; }
        /// <summary>Timer L (RFC 6026): INVITE server waits in Accepted for 2xx retransmits' ACKs, 64·T1.</summary>
        public int L { get { return 64 * T1; } }
        /// <summary>Timer M (RFC 6026): INVITE client waits in Accepted for 2xx retransmits, 64·T1.</summary>
        public int M { get { return 64 * T1; } }
        /// <summary>An INVITE server sends 100 Trying if the TU has not answered within this (§17.2.1).</summary>
        public int TryingDelay { get { return 200; } }
    }
}
