using DeskPhone.Softswitch;
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.Sip;
using DeskPhone.Firmware.Sip.Transport;
using DeskPhone.Firmware.Sip.Usage;
using DeskPhone.Hal.Simulated.Logging;
using DeskPhone.Hal.Simulated.Network;
using DeskPhone.Hal.Simulated.Time;

namespace DeskPhone.Interop.Tests.Harness;

/// <summary>
/// The firmware's SIP stack on real UDP/TCP sockets and the real clock, its event loop on a thread
/// of its own: what a phone runs, minus keys and screen.
/// </summary>
public sealed class LiveSipStack : IDisposable, IRegistrationListener
{
    private readonly Thread _thread;
    private readonly SocketNetwork _network = new("127.0.0.1");
    public readonly EventLoop Loop;
    public readonly SipStack Stack;
    public readonly SimLog Log;
    public Registration? Registration { get; private set; }

    public LiveSipStack()
    {
        var clock = new SystemClock();
        Log = new SimLog(clock);
        Loop = new EventLoop(clock, Log);
        Stack = new SipStack(Loop, _network, new TransportSettings { UdpPort = 0, TrustedAddresses = new[] { "127.0.0.1" } }, new Random());
        _thread = new Thread(Loop.Run) { IsBackground = true, Name = "live sip loop" };
        _thread.Start();
        Assert.True(Do(() => Stack.Start()), "the stack could not bind a UDP port");
    }

    /// <summary>An account of <paramref name="user"/> at the Kamailio, over <paramref name="transport"/>.</summary>
    public static AccountConfig Account(KamailioProcess kamailio, string user, string password, string transport = "udp")
    {
        string json = $$"""
        { "device": { "id": "live", "name": "Live", "extension": "{{user}}", "board": "sim-desk-8" },
          "accounts": [ { "id": "main", "user": "{{user}}", "domain": "{{kamailio.Domain}}", "password": "{{password}}",
                          "registrar": "{{kamailio.ProxyUri}}", "transport": "{{transport}}", "expires": 300 } ] }
        """;
        Assert.True(DeviceConfigLoader.TryLoad("live.json", json, out var config, out var errors), errors?.ToString());
        return config.DefaultAccount;
    }

    public void Register(AccountConfig account)
    {
        Do(() =>
        {
            Registration = new Registration(Stack, account, this);
            Registration.Start();
            return 0;
        });
    }

    public T Do<T>(Func<T> action)
    {
        T result = default!;
        Exception? failure = null;
        using var done = new ManualResetEventSlim();
        Loop.Post(() =>
        {
            try { result = action(); }
            catch (Exception e) { failure = e; }
            finally { done.Set(); }
        });
        Assert.True(done.Wait(TimeSpan.FromSeconds(10)), "the loop did not answer");
        if (failure != null) throw new InvalidOperationException("action failed on the loop", failure);
        return result;
    }

    /// <summary>Polls <paramref name="condition"/> on the loop every 20 ms until true or the timeout.</summary>
    public bool WaitFor(Func<bool> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (Do(condition)) return true;
            Thread.Sleep(20);
        }
        return Do(condition);
    }

    public string Trace() => string.Join("\n", Log.Lines().Select(l => l.ToString()));

    public void RegistrationChanged(Registration registration) { }

    public void Dispose()
    {
        try { Do(() => { Stack.Stop(); return 0; }); } catch (Exception) { }
        Loop.Stop();
        _thread.Join(TimeSpan.FromSeconds(5));
        _network.Dispose();
    }
}
