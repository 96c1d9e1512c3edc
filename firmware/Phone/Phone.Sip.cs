// The phone's SIP side: the stack, and the registration of its account shown on the screen.
using System;
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Sip;
using DeskPhone.Firmware.Sip.Transport;
using DeskPhone.Firmware.Sip.Usage;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Phone
{
    public sealed partial class Phone : IRegistrationListener
    {
        private SipStack _sip;
        private Registration _registration;

        /// <summary>The SIP stack (null before boot).</summary>
        public SipStack Sip { get { return _sip; } }

        /// <summary>The default account's registration (null before boot or when the port was taken).</summary>
        public Registration AccountRegistration { get { return _registration; } }

        /// <summary>Why registration failed, or null.</summary>
        public string RegistrationProblem { get { return _registration == null ? null : _registration.FailureReason; } }

        private void StartSip()
        {
            TransportSettings settings = new TransportSettings();
            settings.UdpPort = _sipPort;
            settings.UserAgent = "DeskPhone " + _config.Device.Board;
            if (_config.Features.AcceptOnlyFromProxy) settings.TrustedAddresses = TrustedAddresses();
            _sip = new SipStack(_loop, _hw.Network, settings, new Random((int)(_hw.Clock.NowMs & 0x7FFFFFFF) ^ _config.Device.Id.Length * 7919));
            if (!_sip.Start())
            {
                _hw.Log.Write(LogLevel.Error, "phone", "SIP port " + _sipPort.ToString() + " is taken: not registering");
                Registration = RegistrationState.Failed;
                return;
            }
            _registration = new Registration(_sip, _config.DefaultAccount, this);
            StartCalls();
            _registration.Start();
        }

        /// <inheritdoc/>
        public void RegistrationChanged(Registration registration)
        {
            switch (registration.Status)
            {
                case RegistrationStatus.Registered: SetRegistration(RegistrationState.Registered); StartBlf(); StartMwi(); StartShared(); break; // StartBlf: Phone.Blf.cs, StartMwi: Phone.Mwi.cs, StartShared: Phone.Shared.cs, once
                case RegistrationStatus.Registering:
                    if (Registration != RegistrationState.Registered) SetRegistration(RegistrationState.Registering);
                    break;
                case RegistrationStatus.Failed: SetRegistration(RegistrationState.Failed); break;
                default: SetRegistration(RegistrationState.NotRegistered); break;
            }
        }

        /// <summary>The registrar's and proxies' addresses: the only sources of requests the phone accepts.</summary>
        private string[] TrustedAddresses()
        {
            System.Collections.ArrayList list = new System.Collections.ArrayList();
            for (int i = 0; i < _config.AccountCount; i++)
            {
                AccountConfig a = _config.AccountAt(i);
                AddHost(list, a.Registrar);
                AddHost(list, a.OutboundProxy);
                AddHost(list, a.BackupProxy);
            }
            string[] result = new string[list.Count];
            list.CopyTo(result);
            return result;
        }

        private static void AddHost(System.Collections.ArrayList list, SipUri uri)
        {
            if (uri == null || list.Contains(uri.Host)) return;
            list.Add(uri.Host);
        }
    }
}
