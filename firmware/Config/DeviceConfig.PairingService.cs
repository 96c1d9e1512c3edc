// Where answers to pairing requests go ("pairingService").
using DeskPhone.Firmware.Sip;

namespace DeskPhone.Firmware.Config
{
    public sealed partial class DeviceConfig
    {
        private SipUri _pairingService;

        /// <summary>The file's "pairingService", or null when it has none (see <see cref="PairingServiceUri"/>).</summary>
        public SipUri PairingService { get { return _pairingService; } }

        /// <summary>Where the phone sends accept/decline: "pairingService", else sip:pairing@DOMAIN of the default account.</summary>
        public string PairingServiceUri
        {
            get { return _pairingService != null ? _pairingService.ToString() : "sip:pairing@" + DefaultAccount.Domain; }
        }

        internal DeviceConfig WithPairingService(SipUri service)
        {
            _pairingService = service;
            return this;
        }
    }
}
