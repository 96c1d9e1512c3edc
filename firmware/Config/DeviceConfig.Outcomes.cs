// The call outcomes of a device file ("outcomes").
namespace DeskPhone.Firmware.Config
{
    public sealed partial class DeviceConfig
    {
        private CallOutcome[] _outcomes = new CallOutcome[0];

        /// <summary>How many outcomes the file lists, enabled or not.</summary>
        public int OutcomeCount { get { return _outcomes.Length; } }

        /// <summary>The outcome at <paramref name="index"/>, in file order.</summary>
        public CallOutcome OutcomeAt(int index) { return _outcomes[index]; }

        /// <summary>The outcomes the phone offers, in file order (the enabled ones).</summary>
        public CallOutcome[] EnabledOutcomes
        {
            get
            {
                int n = 0;
                for (int i = 0; i < _outcomes.Length; i++) if (_outcomes[i].Enabled) n++;
                CallOutcome[] list = new CallOutcome[n];
                n = 0;
                for (int i = 0; i < _outcomes.Length; i++) if (_outcomes[i].Enabled) list[n++] = _outcomes[i];
                return list;
            }
        }

        internal DeviceConfig WithOutcomes(CallOutcome[] outcomes)
        {
            _outcomes = outcomes == null ? new CallOutcome[0] : outcomes;
            return this;
        }
    }
}
