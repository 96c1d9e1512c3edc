// The phone's control API as the device file sets it ("api").
using DeskPhone.Firmware.Http;

namespace DeskPhone.Firmware.Config
{
    /// <summary>"api": off unless enabled; the port, the bearer token, who may call it, and HTTPS ("tls").</summary>
    public sealed class ApiSettings
    {
        /// <summary>The port when the file gives none.</summary>
        public const int DefaultPort = 8088;

        /// <summary>The API when the file has no "api": off.</summary>
        public static readonly ApiSettings Off = new ApiSettings(false, DefaultPort, null, null, null, null);

        internal ApiSettings(bool enabled, int port, string token, AddressAllowList allow, string tlsCertificate, string tlsKey)
        {
            TlsCertificate = tlsCertificate;
            TlsKey = tlsKey;
            Enabled = enabled;
            Port = port;
            Token = token;
            Allow = allow;
        }

        /// <summary>True when the phone serves the API.</summary>
        public bool Enabled { get; private set; }

        /// <summary>The TCP port (0 = any free, for tests).</summary>
        public int Port { get; private set; }

        /// <summary>The bearer token every request must carry (set when enabled).</summary>
        public string Token { get; private set; }

        /// <summary>"tls.certificate": the storage name of the PEM certificate; null = plain HTTP.</summary>
        public string TlsCertificate { get; private set; }

        /// <summary>"tls.key": the storage name of the certificate's PEM private key; null = plain HTTP.</summary>
        public string TlsKey { get; private set; }

        /// <summary>True when the API is served over HTTPS only (api.tls is set).</summary>
        public bool Https { get { return TlsCertificate != null; } }

        /// <summary>The addresses allowed to call (only 127.0.0.1 when the file lists none).</summary>
        public AddressAllowList Allow { get; private set; }
    }
}
