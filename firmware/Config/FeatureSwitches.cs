// The "features" section: phone behaviours switched on or off.
namespace DeskPhone.Firmware.Config
{
    /// <summary>Behaviour switches from the "features" section; each has a default when left out.</summary>
    public sealed class FeatureSwitches
    {
        internal FeatureSwitches(bool dnd, bool callWaiting, bool autoAnswer, bool acceptOnlyFromProxy)
        {
            Dnd = dnd;
            CallWaiting = callWaiting;
            AutoAnswer = autoAnswer;
            AcceptOnlyFromProxy = acceptOnlyFromProxy;
        }

        /// <summary>Do not disturb at start-up (default false).</summary>
        public bool Dnd { get; private set; }

        /// <summary>A second call may ring in during a call (default true).</summary>
        public bool CallWaiting { get; private set; }

        /// <summary>Incoming calls are answered on the speaker at once (default false).</summary>
        public bool AutoAnswer { get; private set; }

        /// <summary>Requests are only accepted from the account's registrar and proxies (default true).</summary>
        public bool AcceptOnlyFromProxy { get; private set; }
    }
}
