// What the answers to our SUBSCRIBEs do: 2xx establishes or refreshes, 401/407 are answered once, 481 starts over, failures back off.
using DeskPhone.Firmware.Sip.Message;
using DeskPhone.Firmware.Sip.Transaction;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Sip.Subscription
{
    public sealed partial class Subscription
    {
        /// <inheritdoc/>
        public void ResponseReceived(ClientTransaction transaction, SipMessage response)
        {
            if (transaction != _pending) return;
            int code = response.StatusCode;
            if (code < 200) return;
            _pending = null;
            RequestKind kind = _pendingKind;
            LastStatusCode = code;
            if (code < 300) { Succeeded(kind, response); return; }
            if (code == 401 || code == 407) { Challenged(kind, response); return; }
            _digest.Reset();
            if (kind == RequestKind.Unsubscribe) { RetireDialog(0); return; }
            if (code == 423)
            {
                int min = response.MinExpires;
                if (min > _expiresAsked && min <= SubscriptionTiming.MaxSeconds)
                {
                    _expiresAsked = min;
                    Send(kind, null, null);
                    return;
                }
            }
            if (code == 481 && kind == RequestKind.Refresh)
            {
                // RFC 6665 §4.1.2.2: the notifier no longer knows the dialog; only now a fresh SUBSCRIBE.
                _stack.Log.Write(LogLevel.Info, "sip.sub", Describe() + ": refresh answered 481, subscribing afresh");
                StartFresh();
                return;
            }
            Failed(code, code.ToString() + " " + response.ReasonPhrase, IsRetryable(code), response.RetryAfterSeconds);
        }

        /// <inheritdoc/>
        public void TimedOut(ClientTransaction transaction)
        {
            if (transaction != _pending) return;
            _pending = null;
            LastStatusCode = 408;
            if (_pendingKind == RequestKind.Unsubscribe) { RetireDialog(0); return; }
            Failed(408, "no answer from " + transaction.Peer.ToString(), true, -1);
        }

        /// <inheritdoc/>
        public void TransportFailed(ClientTransaction transaction)
        {
            if (transaction != _pending) return;
            _pending = null;
            LastStatusCode = 503;
            if (_pendingKind == RequestKind.Unsubscribe) { RetireDialog(0); return; }
            Failed(503, "cannot reach " + transaction.Peer.ToString(), true, -1);
        }

        /// <summary>403, 404, 405, 410, 489, 501 and 6xx will not change on a retry; the rest is retried with back-off.</summary>
        public static bool IsRetryable(int code)
        {
            if (code >= 600) return false;
            return code != 403 && code != 404 && code != 405 && code != 410 && code != 489 && code != 501;
        }

        private void Succeeded(RequestKind kind, SipMessage response)
        {
            _digest.Reset();
            LastRetryAfterSeconds = -1;
            if (kind == RequestKind.Unsubscribe)
            {
                RetireDialog(SubscriptionTiming.LingerMs); // the final NOTIFY may still come
                return;
            }
            if (kind == RequestKind.Initial)
            {
                if (!_dialog.IsEstablished) _dialog.EstablishFrom2xx(response);
                else if (response.ToTag == _dialog.RemoteTag) _dialog.UpdateTarget(response);
                // else the 2xx of another fork: the dialog the first NOTIFY made is the one we keep.
                if (_unsubscribeWhenEstablished)
                {
                    _unsubscribeWhenEstablished = false;
                    Send(RequestKind.Unsubscribe, null, null);
                    return;
                }
                if (!_gotNotify)
                {
                    if (_firstNotify != null) _firstNotify.Cancel();
                    _firstNotify = _stack.Loop.StartTimer(SubscriptionTiming.FirstNotifyMs, NoFirstNotify);
                }
            }
            else
            {
                _dialog.UpdateTarget(response);
            }
            if (!_running) return;
            int granted = response.Expires;
            if (granted < 0 || granted > _expiresAsked) granted = _expiresAsked; // RFC 6665 §4.2.1.1: never longer than asked
            if (granted == 0)
            {
                Failed(response.StatusCode, "the notifier granted 0 s", true, -1);
                return;
            }
            Failures = 0;
            AdoptExpires(granted);
        }

        private void Challenged(RequestKind kind, SipMessage response)
        {
            string header, value, failure;
            if (!_digest.TryAnswer(_stack, _account, response, SipMethods.Subscribe, _pendingUri, out header, out value, out failure))
            {
                ChallengeFailed(kind, response.StatusCode, failure);
                return;
            }
            Send(kind, header, value);
        }

        private void ChallengeFailed(RequestKind kind, int code, string reason)
        {
            _digest.Reset();
            if (kind == RequestKind.Unsubscribe) { RetireDialog(0); return; }
            Failed(code, reason, true, -1);
        }

        /// <summary>
        /// A SUBSCRIBE failed. A refresh keeps its dialog (RFC 6665 §4.1.2.2: the subscription stands
        /// until it expires) and is retried in it; a first SUBSCRIBE is retried afresh after the back-off,
        /// or not at all when the failure is permanent or <see cref="RetryOnFailure"/> is off.
        /// </summary>
        private void Failed(int code, string reason, bool retryable, int retryAfterSeconds)
        {
            LastStatusCode = code;
            LastRetryAfterSeconds = retryAfterSeconds;
            if (!_running)
            {
                RetireDialog(0);
                return;
            }
            Failures++;
            _stack.Log.Write(LogLevel.Warning, "sip.sub", Describe() + ": SUBSCRIBE failed: " + reason);
            int wait = retryAfterSeconds > 0 ? SubscriptionTiming.RetryAfterMs(retryAfterSeconds) : SubscriptionTiming.BackoffMs(Failures, _stack.Random);
            bool inDialog = _dialog != null && _dialog.IsEstablished;
            if (inDialog && retryable)
            {
                LastBackoffMs = wait;
                ScheduleNext(wait, _refresh);
                bool expired = _expiry == null;
                SetState(expired ? SubscriptionState.Failed : State, (expired ? "expired: " : "refresh failed: ") + reason);
                return;
            }
            if (!retryable || !RetryOnFailure)
            {
                _running = false;
                CancelTimers();
                RetireDialog(0);
                SetState(SubscriptionState.Failed, reason);
                return;
            }
            RetireDialog(0);
            LastBackoffMs = wait;
            ScheduleNext(wait, _startFresh);
            SetState(SubscriptionState.Failed, reason);
        }
    }
}
