// What a subscriber does when the notifier ends a subscription (RFC 6665 §4.1.3).
namespace DeskPhone.Firmware.Sip.Subscription
{
    /// <summary>The subscriber's answer to a terminated Subscription-State.</summary>
    public enum TerminationAction
    {
        /// <summary>Subscribe again at once, in a new dialog (deactivated, timeout).</summary>
        ResubscribeNow = 0,
        /// <summary>Subscribe again after retry-after, or after a back-off when none is given (probation, giveup).</summary>
        ResubscribeAfterRetryAfter = 1,
        /// <summary>Subscribe again after the failure back-off (no reason, or one this phone does not know).</summary>
        ResubscribeWithBackoff = 2,
        /// <summary>Stop and report Failed; never retry (rejected, noresource).</summary>
        Fail = 3,
        /// <summary>Stop quietly: the state will never change (invariant).</summary>
        Stop = 4
    }

    /// <summary>The RFC 6665 §4.1.3 reason table.</summary>
    public static class SubscriptionTermination
    {
        /// <summary>The action for <paramref name="reason"/> (lower case, or null when the NOTIFY gave none).</summary>
        public static TerminationAction ActionFor(string reason)
        {
            // if-chains rather than a string switch: no compiler-generated string hash on the board.
            if (reason == "deactivated" || reason == "timeout") return TerminationAction.ResubscribeNow;
            if (reason == "probation" || reason == "giveup") return TerminationAction.ResubscribeAfterRetryAfter;
            if (reason == "rejected" || reason == "noresource") return TerminationAction.Fail;
            if (reason == "invariant") return TerminationAction.Stop;
            return TerminationAction.ResubscribeWithBackoff;
        }
    }
}
