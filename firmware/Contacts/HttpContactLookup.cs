// A contact lookup as a GET of the CRM's lookup URL through the shared HTTP client, answered on the loop within 2 s.
using DeskPhone.Firmware.Core;
using DeskPhone.Firmware.Http;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Contacts
{
    /// <summary>
    /// Asks the device file's "lookupUrl" for a number (<c>GET /lookup?number=%2B442079460018</c>,
    /// <c>Accept: application/json</c>) with <see cref="HttpClient"/>: one request per connection, a
    /// body framed by Content-Length, chunked coding or the close, at most <see cref="MaxBodyBytes"/>
    /// (a larger one fails without being read), no answer within <see cref="TimeoutMs"/> of the loop's
    /// clock a failure. A 200 whose body is a contacts list (<see cref="ContactFile"/>'s shape) is the
    /// result; anything else is a failure with the reason, logged.
    /// </summary>
    public sealed class HttpContactLookup : IContactLookup
    {
        /// <summary>How long a lookup may take before it fails.</summary>
        public const int TimeoutMs = 2000;

        /// <summary>Largest answer body read.</summary>
        public const int MaxBodyBytes = 32 * 1024;

        private readonly HttpClient _http;
        private readonly LookupUrl _url;
        private readonly ILog _log;

        /// <summary>Lookups of <paramref name="url"/> over <paramref name="network"/>, answered on <paramref name="loop"/>.</summary>
        public HttpContactLookup(INetwork network, EventLoop loop, LookupUrl url, ILog log)
        {
            _http = new HttpClient(network, loop);
            _http.TimeoutMs = TimeoutMs;
            _http.Accept = "application/json";
            _http.MaxBodyBytes = MaxBodyBytes;
            _http.RefuseLargerBodies = true;
            _url = url;
            _log = log;
        }

        /// <summary>The URL asked.</summary>
        public LookupUrl Url { get { return _url; } }

        /// <inheritdoc/>
        public void Lookup(string number, ContactLookupDone done)
        {
            _http.Get(_url.UrlFor(number), null, new Answer(this, number, done).Received);
        }

        private void Finish(string number, HttpResult result, ContactLookupDone done)
        {
            string failure = result.Error;
            Contact[] contacts = null;
            if (failure == null && result.Status != 200) failure = "HTTP " + result.Status.ToString();
            if (failure == null)
            {
                ContactDirectory found = new ContactDirectory();
                ContactFileResult r = ContactFile.Read("lookup " + _url.Text, result.BodyText, found);
                if (!r.Readable) failure = "the answer is not a contacts list: " + (r.Errors.Count > 0 ? r.Errors[0].ToString() : "?");
                else
                {
                    if (r.Skipped > 0) _log.Write(LogLevel.Warning, "contacts", r.Skipped.ToString() + " contact(s) of the answer skipped:\n" + r.Errors.ToString());
                    contacts = new Contact[found.Count];
                    for (int i = 0; i < contacts.Length; i++) contacts[i] = found[i];
                }
            }
            if (failure != null) _log.Write(LogLevel.Warning, "contacts", "lookup of " + number + " failed: " + failure);
            done(number, contacts, failure);
        }

        /// <summary>One lookup's number and callback, waiting for the client.</summary>
        private sealed class Answer
        {
            private readonly HttpContactLookup _owner;
            private readonly string _number;
            private readonly ContactLookupDone _done;

            public Answer(HttpContactLookup owner, string number, ContactLookupDone done)
            {
                _owner = owner;
                _number = number;
                _done = done;
            }

            public void Received(HttpResult result)
            {
                _owner.Finish(_number, result, _done);
            }
        }
    }
}
