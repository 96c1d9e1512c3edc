// Makes the LEDs follow each lamp's colour and cadence, all flashing lamps in phase.
using DeskPhone.Firmware.Core;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Lamps
{
    /// <summary>
    /// Owns the lamps' logical states and drives the HAL LEDs: steady lamps are set once, flashing
    /// lamps are switched on a shared <see cref="Cadences.TickMs"/> tick that runs only while some
    /// lamp flashes. Lamps with the same cadence flash in phase, as on a real phone. The LED is
    /// written only when what it shows changes.
    /// </summary>
    public sealed class LampDriver
    {
        private readonly EventLoop _loop;
        private readonly ILamps _leds;
        private readonly LampState[] _states;
        private readonly LampColour[] _shown;
        private LoopTimer _tick;
        private long _cycleStartMs;

        /// <summary>A driver for every lamp of <paramref name="leds"/>, all off.</summary>
        public LampDriver(EventLoop loop, ILamps leds)
        {
            _loop = loop;
            _leds = leds;
            _states = new LampState[leds.Count];
            _shown = new LampColour[leds.Count];
            for (int i = 0; i < _states.Length; i++)
            {
                _states[i] = LampState.Off;
                _leds.Set(i, LampColour.Off);
            }
        }

        /// <summary>How many lamps there are.</summary>
        public int Count { get { return _states.Length; } }

        /// <summary>The logical state of lamp <paramref name="index"/>.</summary>
        public LampState Get(int index)
        {
            return _states[index];
        }

        /// <summary>What the LED of lamp <paramref name="index"/> shows at this instant.</summary>
        public LampColour Shown(int index)
        {
            return _shown[index];
        }

        /// <summary>Sets lamp <paramref name="index"/>; out-of-range indexes are ignored (a page with more keys than lamps).</summary>
        public void Set(int index, LampState state)
        {
            if (index < 0 || index >= _states.Length) return;
            if (_states[index].SameAs(state)) return;
            _states[index] = state;
            if (!state.IsOff && state.Cadence != Cadence.Steady) EnsureTicking();
            Show(index);
            StopTickingIfSteady();
        }

        /// <summary>Sets lamp <paramref name="index"/> to <paramref name="colour"/> with <paramref name="cadence"/>.</summary>
        public void Set(int index, LampColour colour, Cadence cadence)
        {
            Set(index, new LampState(colour, cadence));
        }

        private void EnsureTicking()
        {
            if (_tick != null) return;
            _cycleStartMs = _loop.Clock.NowMs;
            _tick = _loop.StartPeriodic(Cadences.TickMs, Tick);
        }

        private void StopTickingIfSteady()
        {
            if (_tick == null) return;
            for (int i = 0; i < _states.Length; i++)
            {
                if (!_states[i].IsOff && _states[i].Cadence != Cadence.Steady) return;
            }
            _tick.Cancel();
            _tick = null;
        }

        private void Tick()
        {
            for (int i = 0; i < _states.Length; i++) Show(i);
        }

        private void Show(int index)
        {
            LampState s = _states[index];
            LampColour want = LampColour.Off;
            if (!s.IsOff)
            {
                long into = _loop.Clock.NowMs - _cycleStartMs;
                if (Cadences.IsLit(s.Cadence, into)) want = s.Colour;
            }
            if (_shown[index] == want) return;
            _shown[index] = want;
            _leds.Set(index, want);
        }
    }
}
