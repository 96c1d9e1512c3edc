// What every transaction has: a key, a state with logged changes, timers on the loop.
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Transport;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Sip.Transaction
{
    /// <summary>The common part of the four RFC 3261 transaction machines.</summary>
    public abstract class Transaction
    {
        internal readonly TransactionLayer Layer;
        private TransactionState _state;

        internal Transaction(TransactionLayer layer, SipMessage request, SipTarget peer, string key, TransactionState initial)
        {
            Layer = layer;
            Request = request;
            Peer = peer;
            Key = key;
            _state = initial;
        }

        /// <summary>The request that began the transaction.</summary>
        public SipMessage Request { get; private set; }

        /// <summary>Where requests go (client) or responses go (server).</summary>
        public SipTarget Peer { get; private set; }

        /// <summary>The matching key (branch, sent-by and method).</summary>
        public string Key { get; private set; }

        /// <summary>The current state.</summary>
        public TransactionState State { get { return _state; } }

        /// <summary>The request method ("INVITE", "REGISTER"...).</summary>
        public string Method { get { return Request.Method; } }

        /// <summary>True once terminated.</summary>
        public bool IsTerminated { get { return _state == TransactionState.Terminated; } }

        /// <summary>Moves to <paramref name="next"/>, logging old → new; Terminated removes it from the layer.</summary>
        protected void SetState(TransactionState next)
        {
            if (_state == next) return;
            Layer.Log.Write(LogLevel.Debug, "sip.tx", Method + " " + Key + ": " + TransactionStates.Name(_state) + " -> " + TransactionStates.Name(next));
            _state = next;
            if (next == TransactionState.Terminated)
            {
                StopTimers();
                Layer.Remove(this);
                Released();
            }
        }

        /// <summary>Terminated: lets go of what only a live transaction needs (the last response; its user may still hold a reference to it, or to this).</summary>
        protected abstract void Released();

        /// <summary>Starts a timer on the loop.</summary>
        protected LoopTimer Start(int ms, WorkItem callback)
        {
            return Layer.Loop.StartTimer(ms, callback);
        }

        /// <summary>Cancels <paramref name="timer"/> if it runs; returns null to clear the field.</summary>
        protected static LoopTimer Stop(LoopTimer timer)
        {
            if (timer != null) timer.Cancel();
            return null;
        }

        /// <summary>Stops every timer of the machine.</summary>
        protected abstract void StopTimers();
    }
}
