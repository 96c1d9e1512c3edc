// The CRM features of a device file: the control API ("api") and the call-event webhooks ("webhooks").
namespace DeskPhone.Firmware.Config
{
    public sealed partial class DeviceConfig
    {
        private ApiSettings _api = ApiSettings.Off;
        private WebhookSettings _webhooks;

        /// <summary>The control API's settings (<see cref="ApiSettings.Off"/> when the file has none).</summary>
        public ApiSettings Api { get { return _api; } }

        /// <summary>The webhooks' settings, or null when the file has none (no events are sent).</summary>
        public WebhookSettings Webhooks { get { return _webhooks; } }

        internal DeviceConfig WithCrm(ApiSettings api, WebhookSettings webhooks)
        {
            _api = api == null ? ApiSettings.Off : api;
            _webhooks = webhooks;
            return this;
        }
    }
}
