// A contact lookup as one small HTTP/1.1 GET over the HAL's TCP, answered on the loop within 2 s.
using System.Text;
using DeskPhone.Firmware.Core;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Contacts
{
    /// <summary>
    /// Asks the device file's "lookupUrl" for a number: <c>GET /lookup?number=%2B442079460018 HTTP/1.1</c>
    /// with <c>Connection: close</c>, over <see cref="INetwork.ConnectTcp"/>. The answer is read by
    /// Content-Length, chunked coding or the connection's close, at most <see cref="MaxResponseBytes"/>;
    /// a 200 whose body is a contacts list (<see cref="ContactFile"/>'s shape) is the result. Anything
    /// else (another status, garbage, a close too early, no answer within <see cref="TimeoutMs"/> on
    /// the loop's clock) is a failure with the reason. Every callback is posted onto the loop.
    /// Deliberately small: the transport can later be the shared HTTP client.
    /// </summary>
    public sealed class HttpContactLookup : IContactLookup
    {
        /// <summary>How long a lookup may take before it fails.</summary>
        public const int TimeoutMs = 2000;

        /// <summary>Largest answer read (headers and body).</summary>
        public const int MaxResponseBytes = 32 * 1024;

        private readonly INetwork _network;
        private readonly EventLoop _loop;
        private readonly LookupUrl _url;
        private readonly ILog _log;

        /// <summary>Lookups of <paramref name="url"/> over <paramref name="network"/>, answered on <paramref name="loop"/>.</summary>
        public HttpContactLookup(INetwork network, EventLoop loop, LookupUrl url, ILog log)
        {
            _network = network;
            _loop = loop;
            _url = url;
            _log = log;
        }

        /// <summary>The URL asked.</summary>
        public LookupUrl Url { get { return _url; } }

        /// <inheritdoc/>
        public void Lookup(string number, ContactLookupDone done)
        {
            new Exchange(this, number, done).Start();
        }

        /// <summary>One request and its answer.</summary>
        private sealed class Exchange
        {
            private readonly HttpContactLookup _owner;
            private readonly string _number;
            private readonly ContactLookupDone _done;
            private readonly HttpAnswer _answer = new HttpAnswer(MaxResponseBytes);
            private ITcpConnection _connection;
            private LoopTimer _timer;
            private bool _finished;

            public Exchange(HttpContactLookup owner, string number, ContactLookupDone done)
            {
                _owner = owner;
                _number = number;
                _done = done;
            }

            public void Start()
            {
                LookupUrl url = _owner._url;
                _timer = _owner._loop.StartTimer(TimeoutMs, TimedOut);
                string request = "GET " + url.TargetFor(_number) + " HTTP/1.1\r\nHost: " + url.Address + (url.Port == 80 ? "" : ":" + url.Port.ToString())
                    + "\r\nAccept: application/json\r\nUser-Agent: DeskPhone\r\nConnection: close\r\n\r\n";
                _connection = _owner._network.ConnectTcp(url.Address, url.Port, null, OnConnected, OnData, OnClosed);
                if (_connection == null) { _owner._loop.Post(new Closed(this, "cannot open a connection").Deliver); return; }
                byte[] bytes = Encoding.UTF8.GetBytes(request);
                _connection.Send(bytes, 0, bytes.Length);
            }

            private void OnConnected(ITcpConnection connection) { }

            private void OnData(ITcpConnection connection, byte[] data, int offset, int count)
            {
                byte[] copy = new byte[count];
                System.Array.Copy(data, offset, copy, 0, count);
                _owner._loop.Post(new Bytes(this, copy).Deliver);
            }

            private void OnClosed(ITcpConnection connection, string reason)
            {
                _owner._loop.Post(new Closed(this, reason).Deliver);
            }

            private void Received(byte[] data)
            {
                if (_finished) return;
                string problem = _answer.Add(data);
                if (problem != null) { Fail(problem); return; }
                if (_answer.Complete) Finish();
            }

            private void ClosedByPeer(string reason)
            {
                if (_finished) return;
                if (_answer.EndsAtClose && _answer.HeadersRead) { Finish(); return; }
                Fail(_answer.HeadersRead ? "the connection closed before the whole answer came (" + reason + ")" : "no answer: " + reason);
            }

            private void TimedOut()
            {
                _timer = null;
                if (!_finished) Fail("no answer within " + TimeoutMs.ToString() + " ms");
            }

            private void Finish()
            {
                if (_answer.Status != 200) { Fail("HTTP " + _answer.Status.ToString()); return; }
                ContactDirectory found = new ContactDirectory();
                string source = "lookup " + _owner._url.Text;
                ContactFileResult r = ContactFile.Read(source, _answer.BodyText(), found);
                if (!r.Readable) { Fail("the answer is not a contacts list: " + (r.Errors.Count > 0 ? r.Errors[0].ToString() : "?")); return; }
                if (r.Skipped > 0) _owner._log.Write(LogLevel.Warning, "contacts", r.Skipped.ToString() + " contact(s) of the answer skipped:\n" + r.Errors.ToString());
                End();
                Contact[] contacts = new Contact[found.Count];
                for (int i = 0; i < contacts.Length; i++) contacts[i] = found[i];
                _done(_number, contacts, null);
            }

            private void Fail(string reason)
            {
                if (_finished) return;
                End();
                _owner._log.Write(LogLevel.Warning, "contacts", "lookup of " + _number + " failed: " + reason);
                _done(_number, null, reason);
            }

            private void End()
            {
                _finished = true;
                if (_timer != null) { _timer.Cancel(); _timer = null; }
                if (_connection != null && _connection.IsOpen) _connection.Close();
            }

            private sealed class Bytes
            {
                private readonly Exchange _x;
                private readonly byte[] _data;
                public Bytes(Exchange x, byte[] data) { _x = x; _data = data; }
                public void Deliver() { _x.Received(_data); }
            }

            private sealed class Closed
            {
                private readonly Exchange _x;
                private readonly string _reason;
                public Closed(Exchange x, string reason) { _x = x; _reason = reason; }
                public void Deliver() { _x.ClosedByPeer(_reason); }
            }
        }
    }
}
