// The call events a CRM gets (incoming, answered, ended, outcome), written as JSON and queued for delivery.
using System;
using System.Text;
using DeskPhone.Firmware.History;
using DeskPhone.Firmware.Json;
using DeskPhone.Firmware.Sip.Call;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Crm
{
    /// <summary>
    /// The webhook sink. Each event gets a unique id (device id + sequence number, the number persisted
    /// by <see cref="EventQueue"/>) and a timestamp, goes into the on-disk queue, and the sender is
    /// kicked. Delivery is at-least-once: a CRM de-duplicates by "id". The JSON is in firmware/Phone/README.md.
    /// </summary>
    public sealed class CallEvents
    {
        /// <summary>Event types.</summary>
        public const string IncomingType = "call.incoming", AnsweredType = "call.answered", EndedType = "call.ended", OutcomeType = "call.outcome";

        private readonly string _deviceId;
        private readonly IClock _clock;
        private readonly EventQueue _queue;
        private readonly WebhookSender _sender;

        /// <summary>A sink for device <paramref name="deviceId"/>.</summary>
        public CallEvents(string deviceId, IClock clock, EventQueue queue, WebhookSender sender)
        {
            _deviceId = deviceId;
            _clock = clock;
            _queue = queue;
            _sender = sender;
        }

        /// <summary>The queue.</summary>
        public EventQueue Queue { get { return _queue; } }

        /// <summary>The sender.</summary>
        public WebhookSender Sender { get { return _sender; } }

        /// <summary>"call.incoming": a call rings here.</summary>
        public void Incoming(SipCall call)
        {
            Incoming(call, null, null);
        }

        /// <summary>
        /// "call.incoming" with the caller's <paramref name="contact"/> and <paramref name="company"/> when the
        /// phone's directory already knew the number as it rang (else null: a lookup answered later shows
        /// only on "call.ended").
        /// </summary>
        public void Incoming(SipCall call, string contact, string company)
        {
            Emit(IncomingType, CallJson(call, contact, company));
        }

        /// <summary>"call.answered": a call connected (either direction).</summary>
        public void Answered(SipCall call)
        {
            Emit(AnsweredType, CallJson(call, null, null));
        }

        /// <summary>"call.ended": the call's history entry is final (duration, outcome, handled-by, recording).</summary>
        public void Logged(CallRecord record)
        {
            Emit(EndedType, RecordJson(record));
        }

        /// <summary>"call.outcome": an outcome was chosen or changed after the call was logged.</summary>
        public void OutcomeChanged(CallRecord record)
        {
            Emit(OutcomeType, RecordJson(record));
        }

        /// <summary>Queues one event and starts delivery; the event's id.</summary>
        public string Emit(string type, string callJson)
        {
            long seq = _queue.Reserve();
            string id = _deviceId + "-" + seq.ToString();
            string json = new JsonWriter()
                .Field("id", id)
                .Field("sequence", seq)
                .Field("type", type)
                .Field("time", Timestamp(_clock.WallClock))
                .Field("device", _deviceId)
                .Raw("call", callJson)
                .Close();
            _queue.Add(seq, json);
            _sender.Kick();
            return id;
        }

        private static string CallJson(SipCall call, string contact, string company)
        {
            string name = call.RemoteDisplayName;
            JsonWriter json = new JsonWriter()
                .Field("callId", call.CallId)
                .Field("direction", call.Direction == CallDirection.Incoming ? "incoming" : "outgoing")
                .Field("number", Number(call))
                .Field("name", name != null && name.Length > 0 ? name : null)
                .Field("uri", call.RemoteUri)
                .Field("line", call.Account == null ? null : call.Account.Id)
                .Field("state", CallStates.Name(call.State).ToLower());
            if (contact != null) json.Field("contact", contact).Field("company", company);
            return json.Close();
        }

        /// <summary>The history entry as the "call" object of call.ended and call.outcome.</summary>
        public static string RecordJson(CallRecord r)
        {
            return new JsonWriter()
                .Field("callId", r.CallId)
                .Field("direction", r.Kind == CallKind.Placed ? "outgoing" : "incoming")
                .Field("kind", CallRecord.KindName(r.Kind))
                .Field("number", r.Number)
                .Field("name", r.Name)
                .Field("uri", r.Uri)
                .Field("line", r.Line)
                .Field("startedAt", Timestamp(r.Time))
                .Field("durationSeconds", r.DurationSeconds)
                .Field("ending", CallRecord.EndingName(r.Ending))
                .Field("status", r.Status)
                .Field("outcome", r.Outcome)
                .Field("handledBy", r.HandledBy)
                .Field("recording", r.Recording)
                .Field("contact", r.Contact)
                .Field("company", r.Company)
                .Close();
        }

        /// <summary>The other party's number: the user part of its address, else the address.</summary>
        public static string Number(SipCall call)
        {
            if (call.RemoteParty == null) return null;
            if (call.RemoteParty.Uri != null && call.RemoteParty.Uri.User != null) return call.RemoteParty.Uri.User;
            return call.RemoteUri;
        }

        /// <summary>"2026-11-23T09:05:00" (the phone's local wall clock).</summary>
        public static string Timestamp(DateTime t)
        {
            StringBuilder sb = new StringBuilder(19);
            Pad(sb, t.Year, 4).Append('-');
            Pad(sb, t.Month, 2).Append('-');
            Pad(sb, t.Day, 2).Append('T');
            Pad(sb, t.Hour, 2).Append(':');
            Pad(sb, t.Minute, 2).Append(':');
            Pad(sb, t.Second, 2);
            return sb.ToString();
        }

        private static StringBuilder Pad(StringBuilder sb, int value, int width)
        {
            string s = value.ToString();
            for (int i = s.Length; i < width; i++) sb.Append('0');
            return sb.Append(s);
        }
    }
}
