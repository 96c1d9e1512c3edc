// Where call events go as the device file sets it ("webhooks").
namespace DeskPhone.Firmware.Config
{
    /// <summary>"webhooks": the URL events are POSTed to, an optional bearer token, and the on-disk queue's bound.</summary>
    public sealed class WebhookSettings
    {
        /// <summary>The queue bound when the file gives none.</summary>
        public const int DefaultQueueLimit = 1000;

        internal WebhookSettings(string url, string token, int queueLimit)
        {
            Url = url;
            Token = token;
            QueueLimit = queueLimit;
        }

        /// <summary>"http://10.0.0.5:8000/phone-events".</summary>
        public string Url { get; private set; }

        /// <summary>Sent as "Authorization: Bearer ..." when set; null otherwise.</summary>
        public string Token { get; private set; }

        /// <summary>Most events kept waiting; past it the oldest is dropped (and counted, and logged).</summary>
        public int QueueLimit { get; private set; }
    }
}
