// Call events to the CRM's webhook: the phone's moments handed to the on-disk queue and its sender.
using DeskPhone.Firmware.Crm;
using DeskPhone.Firmware.History;
using DeskPhone.Firmware.Http;
using DeskPhone.Firmware.Sip.Call;

namespace DeskPhone.Firmware.Phone
{
    public sealed partial class Phone
    {
        private CallEvents _crmEvents;

        /// <summary>The webhook sink (its queue and sender), or null when the device file has no "webhooks".</summary>
        public CallEvents CrmEvents { get { return _crmEvents; } }

        /// <summary>Boot (Phone.Api.cs StartCrm): opens the queue (events from before a restart are sent first) and starts delivery.</summary>
        private void StartWebhooks()
        {
            if (_config.Webhooks == null) return;
            EventQueue queue = new EventQueue(_hw.Storage, _hw.Log, _config.Webhooks.QueueLimit);
            WebhookSender sender = new WebhookSender(queue, new HttpClient(_hw.Network, _loop), _loop, _hw.Log, _config.Webhooks.Url, _config.Webhooks.Token);
            _crmEvents = new CallEvents(_config.Device.Id, _hw.Clock, queue, sender);
            sender.Kick();
        }

        /// <summary>Hook (Phone.Calls.cs IncomingCall): "call.incoming".</summary>
        private void WebhookIncoming(SipCall call)
        {
            if (_crmEvents == null) return;
            Contacts.Contact known = ContactOf(call); // Phone.Contacts.cs: matched as it rang (OnCallAlerting runs first)
            _crmEvents.Incoming(call, known == null ? null : known.Name, known == null ? null : known.Company);
        }

        /// <summary>Hook (Phone.Calls.cs CallStateChanged): "call.answered".</summary>
        private void WebhookAnswered(SipCall call)
        {
            if (_crmEvents != null) _crmEvents.Answered(call);
        }

        /// <summary>"call.ended": the entry is final and stored.</summary>
        partial void OnCallLogged(CallRecord record)
        {
            if (_crmEvents != null) _crmEvents.Logged(record);
        }

        /// <summary>"call.outcome": the outcome of an entry already logged was changed from the history screen.</summary>
        partial void OnOutcomeChanged(CallRecord record)
        {
            if (_crmEvents != null && record != null) _crmEvents.OutcomeChanged(record);
        }
    }
}
