// What our Kamailio answers to the phone's message-summary SUBSCRIBE: it has no MWI server, so MWI stays off and the phone says why.
using DeskPhone.Firmware.Phone;
using DeskPhone.Firmware.Sip.Subscription;
using DeskPhone.Interop.Tests.Harness;
using DeskPhone.Softswitch;

namespace DeskPhone.Interop.Tests;

public class PhoneMwiTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public void Kamailio_serves_no_message_summary_so_the_subscription_fails_for_good_and_the_phone_carries_on()
    {
        using var kamailio = new KamailioProcess().AddSubscriber("201", "reception-secret").Start();
        using var phone = new LivePhone(kamailio, "201", "reception-secret");
        Assert.True(phone.WaitFor(() => phone.Firmware.Registration == RegistrationState.Registered, Patience), phone.Tail());
        Assert.True(phone.WaitFor(() => phone.Firmware.MwiSubscription(0) is { State: SubscriptionState.Failed, WillRetry: false }, Patience), phone.Tail());
        int status = phone.Do(() => phone.Firmware.MwiSubscription(0)!.LastStatusCode);
        // The SUBSCRIBE to sip:201@domain is not a package Kamailio serves (only dialog, call-info,
        // line-seize): it routes it to 201's contact, this phone, which has no SUBSCRIBE handler (501).
        Assert.Contains(status, new[] { 404, 489, 501 });
        Assert.False(phone.Do(() => phone.Firmware.MessagesWaiting));
        Assert.Equal(RegistrationState.Registered, phone.Do(() => phone.Firmware.Registration));
        Assert.Contains("the server refused message-summary (" + status, File.ReadAllText(phone.LogPath));
    }
}
