// Refreshing a subscription on request: the notifier answers an in-dialog SUBSCRIBE with a NOTIFY of full state.
namespace DeskPhone.Firmware.Sip.Subscription
{
    public sealed partial class Subscription
    {
        /// <summary>
        /// Sends the in-dialog refresh now instead of at 80-90 % of the granted time; the notifier answers
        /// it with a NOTIFY of the full state (RFC 6665 §4.2.1.2). For a watcher that missed a partial
        /// NOTIFY (RFC 4235 §4.1). False (nothing sent) when no dialog is established or a SUBSCRIBE is in flight.
        /// </summary>
        public bool Refresh()
        {
            if (!_running || _dialog == null || !_dialog.IsEstablished || _dialog.Retired || _pending != null) return false;
            if (_next != null) { _next.Cancel(); _next = null; }
            RefreshNow();
            return true;
        }
    }
}
