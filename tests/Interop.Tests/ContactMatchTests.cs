// Caller ID from the contact directory and a CRM's lookup URL, end to end: a real Kamailio, real baresip callers, a real HTTP listener.
using System.Net;
using System.Text;
using DeskPhone.Firmware.Phone;
using DeskPhone.Hal;
using DeskPhone.Interop.Tests.Harness;
using DeskPhone.Softswitch;

namespace DeskPhone.Interop.Tests;

/// <summary>
/// The phone 201 runs in the simulator (real time, real UDP) with a contacts file beside its device file:
/// 202 is "Bob Stone, Acme Ltd", 203 is the number of both "Eve Park" and "Frank Lowe". Numbers the file
/// does not know are looked up from a System.Net.HttpListener on 127.0.0.1 playing the CRM.
/// Phone RTP ports 25000-25998.
/// </summary>
public sealed class ContactMatchTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private const string Contacts = """
        { "contacts": [
            { "name": "Bob Stone", "company": "Acme Ltd", "id": "crm-202", "numbers": [ "202" ] },
            { "name": "Eve Park", "company": "Park Legal", "numbers": [ { "number": "203", "label": "work" } ] },
            { "name": "Frank Lowe", "company": "Lowe & Co", "numbers": [ "203" ] }
        ] }
        """;

    /// <summary>Kamailio with 201-204, the phone 201 with the contacts file and a lookup URL to <see cref="Crm"/>.</summary>
    private sealed class Rig : IDisposable
    {
        public readonly KamailioProcess Kamailio;
        public readonly LivePhone Phone;
        public readonly FakeCrmListener Crm;
        private readonly List<BaresipProcess> _callers = new();
        private readonly string _dir;

        public Rig()
        {
            Kamailio = new KamailioProcess().AddSubscriber("201", "reception-secret").AddSubscriber("202", "bob-secret")
                .AddSubscriber("203", "eve-secret").AddSubscriber("204", "gina-secret").Start();
            Crm = new FakeCrmListener();
            _dir = Directory.CreateTempSubdirectory("deskphone-contacts-").FullName;
            string device = Kamailio.WriteDeviceFile(_dir, "201", "reception-secret", "Reception");
            string text = File.ReadAllText(device).TrimEnd();
            File.WriteAllText(device, text.Substring(0, text.Length - 1).TrimEnd()
                + $",\n  \"contacts\": {{ \"file\": \"contacts.json\", \"lookupUrl\": \"{Crm.Url}lookup?number={{number}}\" }}\n}}\n");
            File.WriteAllText(Path.Combine(_dir, "contacts.json"), Contacts);
            Phone = new LivePhone(device, rtpPortFirst: 25000);
            Assert.True(Phone.WaitFor(() => Phone.Firmware.Registration == RegistrationState.Registered, Patience), "201 not registered\n" + Phone.Tail());
            Assert.Equal(3, Phone.Do(() => Phone.Firmware.Contacts.Count));
        }

        /// <summary>baresip <paramref name="user"/> registers and calls the phone, which rings.</summary>
        public BaresipProcess Calls(string user, string password)
        {
            var caller = new BaresipProcess(Kamailio, user, password).Start();
            _callers.Add(caller);
            Assert.Equal("REGISTER_OK", caller.Register().Type);
            caller.Dial(Kamailio.Aor("201"));
            Assert.True(Phone.WaitFor(() => Phone.Firmware.Mode == PhoneMode.Ringing, Patience), "the phone never rang\n" + Phone.Tail());
            return caller;
        }

        public string Screen() => Phone.Do(() => string.Join("\n", Phone.Firmware.Screen.TextLines()));

        public void ScreenShows(string text) =>
            Assert.True(Phone.WaitFor(() => string.Join("\n", Phone.Firmware.Screen.TextLines()).Contains(text), Patience), $"the screen never showed '{text}':\n{Screen()}\n{Phone.Tail()}");

        public void Idle() =>
            Assert.True(Phone.WaitFor(() => Phone.Firmware.Mode == PhoneMode.Idle && Phone.Firmware.History.Count > 0, Patience), "the call never ended\n" + Phone.Tail());

        public (string? Contact, string? Company, string Shown) LastCall() =>
            Phone.Do(() => (Phone.Firmware.History.At(0).Contact, Phone.Firmware.History.At(0).Company, Phone.Firmware.History.At(0).Shown));

        public void Dispose()
        {
            foreach (var c in _callers) c.Dispose();
            Phone.Dispose();
            Crm.Dispose();
            Kamailio.Dispose();
            try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// The CRM: answers GET /lookup?number=N from a table, 200 with {"contacts": [...]}. It serves on a thread
    /// of its own: on the thread pool, a loaded machine running the other interop tests could starve it past
    /// the phone's 2 s lookup timeout.
    /// </summary>
    private sealed class FakeCrmListener : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Thread _serving;

        public FakeCrmListener()
        {
            int port = FreePorts.Tcp();
            Url = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _serving = new Thread(Serve) { IsBackground = true, Name = "fake CRM" };
            _serving.Start();
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            Assert.Equal("ready", http.GetStringAsync(Url + "ready").GetAwaiter().GetResult()); // warmed up: its first answer is not the phone's
        }

        public string Url { get; }
        public Dictionary<string, string> Answers { get; } = new();
        public List<string> Asked { get; } = new();

        private void Serve()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext ctx;
                try { ctx = _listener.GetContext(); }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
                if (ctx.Request.Url?.AbsolutePath != "/lookup") { Reply(ctx, "ready"); continue; }
                string number = ctx.Request.QueryString["number"] ?? "";
                lock (Asked) Asked.Add(number);
                string body;
                lock (Answers) body = Answers.TryGetValue(number, out var b) ? b : "{\"contacts\":[]}";
                Reply(ctx, body);
            }
        }

        private static void Reply(HttpListenerContext ctx, string body)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(body);
            ctx.Response.ContentType = "application/json";
            ctx.Response.ContentLength64 = bytes.Length;
            ctx.Response.OutputStream.Write(bytes);
            ctx.Response.Close();
        }

        public void Dispose()
        {
            _listener.Close(); // only Close: after Stop, the managed listener's Close binds the port again to remove its prefix
            _serving.Join(TimeSpan.FromSeconds(5));
        }
    }

    [Fact]
    public void Bob_calling_rings_with_his_name_and_company_and_the_history_keeps_them_after_the_call()
    {
        using var rig = new Rig();
        var bob = rig.Calls("202", "bob-secret");
        rig.ScreenShows("Bob Stone");
        string screen = rig.Screen();
        Assert.StartsWith("Incoming call", screen);
        Assert.Contains("\nAcme Ltd | 202\n", screen);

        rig.Phone.Press(KeyCodes.Soft1); // Answer
        bob.WaitForEvent("CALL_ESTABLISHED");
        rig.ScreenShows("Connected");
        Assert.Contains("Bob Stone", rig.Screen());
        Assert.Contains("Acme Ltd", rig.Screen());
        bob.Hangup();
        rig.Idle();
        Assert.Equal(("Bob Stone", "Acme Ltd", "Bob Stone"), rig.LastCall());
        Assert.Empty(rig.Crm.Asked); // known here: the CRM is not asked
    }

    [Fact]
    public void A_number_two_contacts_share_shows_2_contacts_and_the_second_one_chosen_is_stored()
    {
        using var rig = new Rig();
        var caller = rig.Calls("203", "eve-secret");
        rig.ScreenShows("2 contacts");
        Assert.Contains("Answer | Screen | Pick | Reject", rig.Screen());
        rig.Phone.Press(KeyCodes.Soft1 + 2); // Pick
        rig.ScreenShows("Which contact?");
        Assert.Contains("\nEve Park\nFrank Lowe\nPark Legal\n", rig.Screen()); // the selected one's company under the names
        rig.Phone.Press(KeyCodes.Down);
        rig.ScreenShows("Lowe & Co");
        rig.Phone.Press(KeyCodes.Ok);
        rig.ScreenShows("Frank Lowe");
        Assert.Contains("Lowe & Co", rig.Screen());
        Assert.Equal(PhoneMode.Ringing, rig.Phone.Do(() => rig.Phone.Firmware.Mode));
        caller.Hangup(); // the caller gives up: a missed call, labelled with the contact chosen
        rig.Idle();
        Assert.Equal(("Frank Lowe", "Lowe & Co", "Frank Lowe"), rig.LastCall());
    }

    [Fact]
    public void A_number_not_in_the_file_is_looked_up_from_the_crm_and_shown_while_it_rings()
    {
        using var rig = new Rig();
        lock (rig.Crm.Answers)
            rig.Crm.Answers["204"] = """{"contacts":[{"name":"Gina Moss","company":"Moss & Sons","numbers":["204"]}]}""";
        var gina = rig.Calls("204", "gina-secret");
        rig.ScreenShows("Gina Moss");
        Assert.Contains("Moss & Sons", rig.Screen());
        lock (rig.Crm.Asked) Assert.Equal(new[] { "204" }, rig.Crm.Asked);
        gina.Hangup();
        rig.Idle();
        Assert.Equal(("Gina Moss", "Moss & Sons", "Gina Moss"), rig.LastCall());
    }
}
