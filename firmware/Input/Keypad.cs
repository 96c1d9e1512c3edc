// Turns raw key edges into debounced presses, long presses, repeats and releases.
using DeskPhone.Firmware.Core;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Input
{
    /// <summary>
    /// The portable half of the keys: the HAL reports every contact edge (bounces included) on its
    /// own thread; the keypad posts them into the loop, waits <see cref="KeyTiming.DebounceMs"/> of
    /// calm per key, and reports what a person did to an <see cref="IKeyListener"/>.
    /// </summary>
    public sealed class Keypad
    {
        private const int KeySlots = KeyCodes.LineBase + KeyCodes.MaxLineKeys + 1;

        private readonly EventLoop _loop;
        private readonly IKeyListener _listener;
        private readonly KeyState[] _keys = new KeyState[KeySlots];

        /// <summary>A keypad reporting to <paramref name="listener"/> on <paramref name="loop"/>.</summary>
        public Keypad(EventLoop loop, IKeyListener listener)
        {
            _loop = loop;
            _listener = listener;
        }

        /// <summary>Starts listening to the hardware.</summary>
        public void Attach(IKeyInput input)
        {
            input.Open(OnRawEdge);
        }

        /// <summary>True when the key is down after debounce.</summary>
        public bool IsDown(int keyCode)
        {
            KeyState k = Find(keyCode);
            return k != null && k.StableDown;
        }

        /// <summary>A raw edge from the HAL, on any thread.</summary>
        public void OnRawEdge(int keyCode, bool down)
        {
            if (keyCode < 0 || keyCode >= KeySlots) return;
            RawEdge edge = new RawEdge(this, keyCode, down, _loop.Clock.NowMs); // when it happened, not when the loop gets to it
            _loop.Post(edge.Apply);
        }

        private KeyState Find(int keyCode)
        {
            if (keyCode < 0 || keyCode >= KeySlots) return null;
            return _keys[keyCode];
        }

        private KeyState Get(int keyCode)
        {
            KeyState k = _keys[keyCode];
            if (k == null)
            {
                k = new KeyState(this, keyCode);
                _keys[keyCode] = k;
            }
            return k;
        }

        private sealed class RawEdge
        {
            private readonly Keypad _pad;
            private readonly int _code;
            private readonly bool _down;
            private readonly long _atMs;

            public RawEdge(Keypad pad, int code, bool down, long atMs)
            {
                _pad = pad;
                _code = code;
                _down = down;
                _atMs = atMs;
            }

            public void Apply()
            {
                _pad.Get(_code).OnEdge(_down, _atMs);
            }
        }

        /// <summary>One key's debounce, long-press and repeat state.</summary>
        private sealed class KeyState
        {
            private readonly Keypad _pad;
            private readonly int _code;
            private bool _rawDown;
            private long _rawSinceMs; // when the contact took the level it has now
            private LoopTimer _debounce;
            private LoopTimer _longPress;
            private LoopTimer _repeat;
            private bool _longReported;

            public bool StableDown;

            public KeyState(Keypad pad, int code)
            {
                _pad = pad;
                _code = code;
            }

            public void OnEdge(bool down, long atMs)
            {
                if (_debounce != null) _debounce.Cancel();
                _debounce = null;
                // The level before this edge held a whole debounce time by the edges' own clock, but the
                // loop was held up (a GC pause, a busy machine) and its timer has not run: it still counts.
                if (down != _rawDown && _rawDown != StableDown && atMs - _rawSinceMs >= KeyTiming.DebounceMs) Settled();
                _rawDown = down;
                _rawSinceMs = atMs;
                _debounce = _pad._loop.StartTimer(KeyTiming.DebounceMs, Settled);
            }

            private void Settled()
            {
                _debounce = null;
                if (_rawDown == StableDown) return;
                StableDown = _rawDown;
                if (StableDown) Pressed();
                else Released();
            }

            private void Pressed()
            {
                _longReported = false;
                _longPress = _pad._loop.StartTimer(KeyTiming.LongPressMs, LongPress);
                if (KeyTiming.Repeats(_code)) _repeat = _pad._loop.StartTimer(KeyTiming.RepeatDelayMs, RepeatStart);
                _pad._listener.KeyPressed(_code);
            }

            private void Released()
            {
                StopTimers();
                _pad._listener.KeyReleased(_code, _longReported);
            }

            private void LongPress()
            {
                _longPress = null;
                _longReported = true;
                _pad._listener.KeyLongPressed(_code);
            }

            private void RepeatStart()
            {
                _repeat = _pad._loop.StartPeriodic(KeyTiming.RepeatIntervalMs, Repeat);
                Repeat();
            }

            private void Repeat()
            {
                _pad._listener.KeyRepeated(_code);
            }

            private void StopTimers()
            {
                if (_longPress != null) { _longPress.Cancel(); _longPress = null; }
                if (_repeat != null) { _repeat.Cancel(); _repeat = null; }
            }
        }
    }
}
