using DeskPhone.Firmware.Sip.Subscription;

namespace DeskPhone.Firmware.Tests.Sip.Subscription;

public class SubscriptionTimingTests
{
    [Fact]
    public void Refreshes_fall_between_80_and_90_percent_of_the_granted_time()
    {
        var random = new Random(5);
        var seen = Enumerable.Range(0, 500).Select(_ => SubscriptionTiming.RefreshAfterMs(1800, random)).ToArray();
        Assert.All(seen, ms => Assert.InRange(ms, 1_440_000, 1_620_000));
        Assert.True(seen.Max() - seen.Min() > 100_000); // spread, so many BLF keys do not refresh together
        Assert.InRange(SubscriptionTiming.RefreshAfterMs(15, random), 12_000, 13_500);
    }

    [Fact]
    public void Back_off_is_30_s_doubling_to_1800_s_with_50_to_100_percent_jitter()
    {
        var random = new Random(1);
        int[] ceilings = { 30, 60, 120, 240, 480, 960, 1800, 1800, 1800 };
        for (int failures = 1; failures <= ceilings.Length; failures++)
        {
            int ceiling = ceilings[failures - 1] * 1000;
            for (int i = 0; i < 50; i++)
                Assert.InRange(SubscriptionTiming.BackoffMs(failures, random), ceiling / 2, ceiling);
        }
    }

    [Fact]
    public void A_notifiers_retry_after_or_duration_is_capped_at_a_day()
    {
        Assert.Equal(120_000, SubscriptionTiming.RetryAfterMs(120));
        Assert.Equal(86_400_000, SubscriptionTiming.RetryAfterMs(int.MaxValue));
        Assert.Equal(86_400, SubscriptionTiming.Clamp(int.MaxValue));
    }

    [Theory]
    [InlineData(408, true)]
    [InlineData(480, true)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    [InlineData(489, false)]
    [InlineData(501, false)]
    [InlineData(603, false)]
    public void Only_failures_that_may_clear_up_are_retried(int code, bool retried)
    {
        Assert.Equal(retried, DeskPhone.Firmware.Sip.Subscription.Subscription.IsRetryable(code));
    }
}
