// A real HTTP listener on 127.0.0.1 playing the CRM that receives a phone's webhook events; it can be down or answer 503.
using System.Net;
using System.Text;
using System.Text.Json;

namespace DeskPhone.Interop.Tests.Harness;

/// <summary>
/// System.Net.HttpListener on 127.0.0.1:PORT. Every POST is recorded as an attempt; the ones answered
/// 2xx are <see cref="Delivered"/> (what a CRM has stored). <see cref="Status"/> says what to answer;
/// <see cref="Stop"/> closes the port (connection refused) and <see cref="Start"/> opens it again.
/// </summary>
public sealed class CrmListener : IDisposable
{
    private readonly object _gate = new();
    private readonly List<JsonElement> _delivered = new();
    private readonly List<string> _authorizations = new();
    private HttpListener? _listener;
    private Thread? _thread;
    private int _attempts;

    public CrmListener(int port)
    {
        Port = port;
        Start();
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/phone-events";

    /// <summary>What the CRM answers (200, or 503 to play an outage).</summary>
    public int Status { get; set; } = 200;

    /// <summary>Every POST that reached the listener.</summary>
    public int Attempts { get { lock (_gate) return _attempts; } }

    /// <summary>The events answered 2xx, in arrival order.</summary>
    public List<JsonElement> Delivered { get { lock (_gate) return _delivered.ToList(); } }

    /// <summary>The Authorization headers seen.</summary>
    public List<string> Authorizations { get { lock (_gate) return _authorizations.ToList(); } }

    public void Start()
    {
        var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        _listener = listener;
        _thread = new Thread(() => Serve(listener)) { IsBackground = true, Name = "crm listener" };
        _thread.Start();
    }

    public void Stop()
    {
        var listener = _listener;
        _listener = null;
        if (listener == null) return;
        listener.Close();
        _thread?.Join(TimeSpan.FromSeconds(5));
    }

    private void Serve(HttpListener listener)
    {
        while (true)
        {
            HttpListenerContext context;
            try { context = listener.GetContext(); }
            catch (Exception) { return; } // closed
            try
            {
                string body;
                using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8)) body = reader.ReadToEnd();
                int status = Status;
                lock (_gate)
                {
                    _attempts++;
                    _authorizations.Add(context.Request.Headers["Authorization"] ?? "");
                    if (status >= 200 && status < 300) _delivered.Add(JsonDocument.Parse(body).RootElement.Clone());
                }
                context.Response.StatusCode = status;
                byte[] answer = Encoding.UTF8.GetBytes(status < 300 ? "{\"stored\":true}" : "{\"error\":\"down for maintenance\"}");
                context.Response.ContentType = "application/json";
                context.Response.ContentLength64 = answer.Length;
                context.Response.OutputStream.Write(answer);
                context.Response.Close();
            }
            catch (Exception)
            {
                // a broken exchange: the phone retries
            }
        }
    }

    public void Dispose() => Stop();
}
