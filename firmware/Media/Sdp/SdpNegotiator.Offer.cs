// Making offers (RFC 3264 §5) and re-offers (§8): a first offer from the codec list, hold and resume from the last SDP sent.
using System;

namespace DeskPhone.Firmware.Media.Sdp
{
    /// <summary>
    /// The RFC 3264 offer/answer rules as functions without state: create an offer, answer an
    /// offer, read an answer. <see cref="SdpOfferAnswer"/> keeps the per-call state (o= version,
    /// hold, the pending offer) on top of these.
    /// </summary>
    public static partial class SdpNegotiator
    {
        /// <summary>
        /// A first offer: one m=audio on <paramref name="port"/> listing <paramref name="codecs"/>
        /// in order with their payload types, rtpmaps, the telephone-event fmtp, a=ptime:20 and
        /// <paramref name="direction"/>. o= is "- &lt;version&gt; &lt;version&gt; IN IP4|IP6 address".
        /// </summary>
        public static SdpSession CreateOffer(string localAddress, int port, SdpCodec[] codecs, SdpDirection direction, ulong sessionVersion)
        {
            SdpCapabilities local = new SdpCapabilities(localAddress, port, codecs);
            local.SessionId = sessionVersion;
            return CreateOffer(local, direction, sessionVersion);
        }

        /// <summary>A first offer from <paramref name="local"/> (address, port, codecs, ptime, o= user and id).</summary>
        public static SdpSession CreateOffer(SdpCapabilities local, SdpDirection direction, ulong sessionVersion)
        {
            if (local == null) throw new ArgumentNullException("local");
            SdpSession offer = NewSession(local, sessionVersion);
            SdpCodec[] codecs = local.Codecs;
            int count = 0;
            for (int i = 0; i < codecs.Length; i++)
            {
                if (codecs[i] != null) count++;
            }
            if (count == 0) throw new ArgumentException("an offer needs at least one codec", "local");
            string[] formats = new string[count];
            count = 0;
            for (int i = 0; i < codecs.Length; i++)
            {
                if (codecs[i] != null) formats[count++] = codecs[i].PayloadType.ToString();
            }
            SdpMedia audio = new SdpMedia("audio", local.Port, SdpMedia.RtpAvp, formats);
            for (int i = 0; i < codecs.Length; i++)
            {
                if (codecs[i] != null) audio.Attributes.Add(codecs[i].RtpMapOn(codecs[i].PayloadType).ToAttribute());
            }
            for (int i = 0; i < codecs.Length; i++)
            {
                if (codecs[i] != null && codecs[i].Fmtp != null) audio.Attributes.Add("fmtp", codecs[i].PayloadType.ToString() + " " + codecs[i].Fmtp);
            }
            if (local.Ptime > 0) audio.Attributes.Add("ptime", local.Ptime.ToString());
            audio.Direction = direction;
            offer.AddMedia(audio);
            return offer;
        }

        /// <summary>
        /// A re-offer (RFC 3264 §8): <paramref name="previous"/> (the last SDP we sent, offer or
        /// answer) with the same m= lines and codecs, our current address and port, every active
        /// stream set to <paramref name="direction"/>, and o= version <paramref name="sessionVersion"/>.
        /// </summary>
        public static SdpSession Reoffer(SdpSession previous, SdpCapabilities local, SdpDirection direction, ulong sessionVersion)
        {
            if (previous == null) return CreateOffer(local, direction, sessionVersion);
            SdpSession offer = previous.Copy();
            offer.Origin = previous.Origin.WithVersion(sessionVersion);
            offer.Connection = SdpConnection.For(local.Address);
            bool portSet = false;
            for (int i = 0; i < offer.MediaCount; i++)
            {
                SdpMedia m = offer.Media(i);
                if (m.IsRejected) continue;
                if (!portSet && m.IsAudioRtpAvp)
                {
                    m.Port = local.Port;
                    m.Connection = null;
                    portSet = true;
                }
                m.Direction = direction;
            }
            return offer;
        }

        /// <summary>A hold re-offer (RFC 3264 §8.4): sendonly, or inactive when the remote already holds us.</summary>
        public static SdpSession HoldOffer(SdpSession previous, SdpCapabilities local, bool heldByRemote, ulong sessionVersion)
        {
            return Reoffer(previous, local, SdpDirections.Hold(heldByRemote), sessionVersion);
        }

        /// <summary>A resume re-offer: sendrecv again (the remote answers sendonly if it still holds us).</summary>
        public static SdpSession ResumeOffer(SdpSession previous, SdpCapabilities local, ulong sessionVersion)
        {
            return Reoffer(previous, local, SdpDirection.SendRecv, sessionVersion);
        }

        /// <summary>v=0, o=, s=-, c= for <paramref name="local"/>; t= is left to the caller (printing adds "t=0 0").</summary>
        private static SdpSession NewSession(SdpCapabilities local, ulong sessionVersion)
        {
            if (local.Address == null || local.Address.Length == 0) throw new ArgumentException("the local address is missing", "local");
            SdpConnection c = SdpConnection.For(local.Address);
            string user = local.Username == null || local.Username.Length == 0 ? "-" : local.Username;
            SdpSession s = new SdpSession(new SdpOrigin(user, local.SessionId.ToString(), sessionVersion, "IN", c.AddressType, local.Address));
            s.Connection = c;
            return s;
        }
    }
}
