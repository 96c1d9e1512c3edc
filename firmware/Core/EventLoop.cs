// The one loop that owns the phone's state: HAL callbacks post work, the loop runs it in order.
using System;
using System.Threading;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Core
{
    /// <summary>
    /// A single-threaded event loop. <see cref="Post"/> is the only member safe to call from other
    /// threads; everything else, and every work item, runs on the loop. On hardware a thread calls
    /// <see cref="Run"/>; in tests the virtual-time driver calls <see cref="RunPending"/> step by step.
    /// A work item that throws is logged and counted; the loop goes on (nothing crashes the phone).
    /// </summary>
    public sealed class EventLoop
    {
        private const int InitialCapacity = 64;

        private readonly IClock _clock;
        private readonly ILog _log;
        private readonly object _gate = new object();
        private readonly AutoResetEvent _wake = new AutoResetEvent(false);
        private object[] _queue = new object[InitialCapacity]; // WorkItems, and LoopTimers that expired (no delegate each)
        private int _head;
        private int _count;
        private bool _stopping; // guarded by _gate: nanoFramework has no volatile fields
        private int _failures;
        private Exception _lastFailure;

        /// <summary>A loop on <paramref name="clock"/> that logs failures to <paramref name="log"/>.</summary>
        public EventLoop(IClock clock, ILog log)
        {
            if (clock == null) throw new ArgumentNullException("clock");
            if (log == null) throw new ArgumentNullException("log");
            _clock = clock;
            _log = log;
        }

        /// <summary>The clock the loop's timers run on.</summary>
        public IClock Clock { get { return _clock; } }

        /// <summary>The log.</summary>
        public ILog Log { get { return _log; } }

        /// <summary>How many work items threw.</summary>
        public int Failures { get { return _failures; } }

        /// <summary>The last exception a work item threw, or null.</summary>
        public Exception LastFailure { get { return _lastFailure; } }

        /// <summary>How many work items wait to run.</summary>
        public int Pending
        {
            get { lock (_gate) { return _count; } }
        }

        /// <summary>Queues <paramref name="item"/> to run on the loop. Safe from any thread.</summary>
        public void Post(WorkItem item)
        {
            if (item == null) throw new ArgumentNullException("item");
            Enqueue(item);
        }

        /// <summary>Queues the expiry of <paramref name="timer"/> (from the HAL timer's thread).</summary>
        internal void PostExpiry(LoopTimer timer)
        {
            Enqueue(timer);
        }

        private void Enqueue(object item)
        {
            lock (_gate)
            {
                if (_count == _queue.Length) Grow();
                _queue[(_head + _count) % _queue.Length] = item;
                _count++;
            }
            _wake.Set();
        }

        /// <summary>
        /// Starts a one-shot timer: <paramref name="callback"/> runs on the loop after
        /// <paramref name="dueMs"/> unless cancelled first.
        /// </summary>
        public LoopTimer StartTimer(int dueMs, WorkItem callback)
        {
            return new LoopTimer(this, dueMs, 0, callback);
        }

        /// <summary>Starts a periodic timer: <paramref name="callback"/> runs every <paramref name="periodMs"/>.</summary>
        public LoopTimer StartPeriodic(int periodMs, WorkItem callback)
        {
            if (periodMs <= 0) throw new ArgumentOutOfRangeException("periodMs");
            return new LoopTimer(this, periodMs, periodMs, callback);
        }

        /// <summary>
        /// Runs the work queued right now (not what those items post in turn); true when anything ran.
        /// </summary>
        public bool RunPending()
        {
            int n;
            lock (_gate) { n = _count; }
            for (int i = 0; i < n; i++)
            {
                object item;
                lock (_gate)
                {
                    item = _queue[_head];
                    _queue[_head] = null;
                    _head = (_head + 1) % _queue.Length;
                    _count--;
                }
                RunOne(item);
            }
            return n > 0;
        }

        /// <summary>
        /// Runs the loop on the calling thread until <see cref="Stop"/> (a Stop made before Run began
        /// counts: Run then returns at once). After it returns, Run may be called again.
        /// </summary>
        public void Run()
        {
            while (!Stopping)
            {
                if (!RunPending()) _wake.WaitOne(1000, false);
            }
            lock (_gate) { _stopping = false; }
        }

        /// <summary>Makes <see cref="Run"/> return after the current work item. Safe from any thread.</summary>
        public void Stop()
        {
            lock (_gate) { _stopping = true; }
            _wake.Set();
        }

        private bool Stopping
        {
            get { lock (_gate) { return _stopping; } }
        }

        private void RunOne(object item)
        {
            try
            {
                WorkItem work = item as WorkItem;
                if (work != null) work();
                else ((LoopTimer)item).FireOnLoop();
            }
            catch (Exception e)
            {
                _failures++;
                _lastFailure = e;
                _log.Write(LogLevel.Error, "loop", "work item failed: " + e.ToString());
            }
        }

        private void Grow()
        {
            object[] bigger = new object[_queue.Length * 2];
            for (int i = 0; i < _count; i++) bigger[i] = _queue[(_head + i) % _queue.Length];
            _queue = bigger;
            _head = 0;
        }
    }
}
