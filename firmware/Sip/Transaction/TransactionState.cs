// Transaction states, named as in RFC 3261 §17 (and RFC 6026's Accepted).
namespace DeskPhone.Firmware.Sip.Transaction
{
    /// <summary>The states of the four transaction machines.</summary>
    public enum TransactionState
    {
        /// <summary>INVITE client: request sent, nothing heard.</summary>
        Calling = 0,
        /// <summary>Non-INVITE client/server: request sent or received, no provisional yet.</summary>
        Trying = 1,
        /// <summary>A provisional response was sent or received.</summary>
        Proceeding = 2,
        /// <summary>RFC 6026: a 2xx to an INVITE was sent or received; absorbing retransmissions.</summary>
        Accepted = 3,
        /// <summary>A final response was sent or received; absorbing retransmissions.</summary>
        Completed = 4,
        /// <summary>INVITE server: the ACK for a non-2xx final arrived.</summary>
        Confirmed = 5,
        /// <summary>Done; removed from the layer.</summary>
        Terminated = 6
    }

    /// <summary>Names of <see cref="TransactionState"/> for logs.</summary>
    public static class TransactionStates
    {
        /// <summary>"Calling", "Proceeding"...</summary>
        public static string Name(TransactionState s)
        {
            switch (s)
            {
                case TransactionState.Calling: return "Calling";
                case TransactionState.Trying: return "Trying";
                case TransactionState.Proceeding: return "Proceeding";
                case TransactionState.Accepted: return "Accepted";
                case TransactionState.Completed: return "Completed";
                case TransactionState.Confirmed: return "Confirmed";
                default: return "Terminated";
            }
        }
    }
}
