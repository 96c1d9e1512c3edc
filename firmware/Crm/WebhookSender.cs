// Delivers the queued events to the CRM one at a time, in order, retrying with exponential backoff.
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.Http;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Crm
{
    /// <summary>
    /// One POST in flight at a time, oldest event first. A 2xx removes the event. 400, 413, 415 and
    /// 422 say the event itself is unacceptable: retrying cannot help, so it is dropped, counted as
    /// refused and logged. Everything else (no connection, a timeout, 5xx, 408, 429, and 401/403/404,
    /// which mean a wrong token or URL that an installer will fix) keeps the event and retries after
    /// 1 s, doubling to 60 s, on the loop's clock. Lives on the loop.
    /// </summary>
    public sealed class WebhookSender
    {
        /// <summary>First retry delay.</summary>
        public const int FirstRetryMs = 1000;
        /// <summary>Longest retry delay.</summary>
        public const int MaxRetryMs = 60000;

        private readonly EventQueue _queue;
        private readonly HttpClient _client;
        private readonly EventLoop _loop;
        private readonly ILog _log;
        private readonly string _url;
        private readonly string _token;
        private bool _sending;
        private long _sendingSequence;
        private LoopTimer _retry;
        private int _backoffMs = FirstRetryMs;

        /// <summary>A sender of <paramref name="queue"/>'s events to <paramref name="url"/>.</summary>
        public WebhookSender(EventQueue queue, HttpClient client, EventLoop loop, ILog log, string url, string token)
        {
            _queue = queue;
            _client = client;
            _loop = loop;
            _log = log;
            _url = url;
            _token = token;
        }

        /// <summary>Events the CRM took (2xx).</summary>
        public int Delivered { get; private set; }

        /// <summary>Events the CRM refused for good (400, 413, 415, 422) and that were dropped.</summary>
        public int Refused { get; private set; }

        /// <summary>Attempts that failed and will be retried.</summary>
        public int Failures { get; private set; }

        /// <summary>The delay before the next retry after a failure now.</summary>
        public int BackoffMs { get { return _backoffMs; } }

        /// <summary>True while a retry is scheduled.</summary>
        public bool WaitingToRetry { get { return _retry != null; } }

        /// <summary>Sends the oldest event unless one is in flight or a retry is pending.</summary>
        public void Kick()
        {
            if (_sending || _retry != null) return;
            string json = _queue.Head();
            if (json == null) return;
            _sending = true;
            _sendingSequence = _queue.HeadSequence;
            _client.PostJson(_url, _token, json, Sent);
        }

        private void Sent(HttpResult result)
        {
            _sending = false;
            long seq = _sendingSequence;
            if (result.IsSuccess)
            {
                if (_backoffMs > FirstRetryMs) _log.Write(LogLevel.Info, "webhooks", "CRM reachable again: delivering " + _queue.Count.ToString() + " waiting events");
                _backoffMs = FirstRetryMs;
                Delivered++;
                _queue.Remove(seq);
                Kick();
                return;
            }
            if (IsRefusal(result.Status))
            {
                Refused++;
                _log.Write(LogLevel.Warning, "webhooks", "CRM refused event #" + seq.ToString() + " with " + result.Status.ToString() + ": dropped (" + Shown(result.BodyText) + ")");
                _queue.Remove(seq);
                Kick();
                return;
            }
            Failures++;
            string why = result.Status != 0 ? "status " + result.Status.ToString() : result.Error;
            _log.Write(LogLevel.Warning, "webhooks", "event #" + seq.ToString() + " not delivered (" + why + "); retry in " + (_backoffMs / 1000).ToString() + " s, " + _queue.Count.ToString() + " waiting");
            _retry = _loop.StartTimer(_backoffMs, Retry);
            _backoffMs = _backoffMs * 2 > MaxRetryMs ? MaxRetryMs : _backoffMs * 2;
        }

        private void Retry()
        {
            _retry = null;
            Kick();
        }

        /// <summary>Statuses that say the event itself will never be taken.</summary>
        public static bool IsRefusal(int status)
        {
            return status == 400 || status == 413 || status == 415 || status == 422;
        }

        private static string Shown(string s)
        {
            if (s.Length > 80) s = s.Substring(0, 77) + "...";
            char[] c = s.ToCharArray();
            for (int i = 0; i < c.Length; i++)
            {
                if (c[i] < ' ') c[i] = ' ';
            }
            return new string(c);
        }
    }
}
