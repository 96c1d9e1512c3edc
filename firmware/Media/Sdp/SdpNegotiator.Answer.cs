// Answering an offer (RFC 3264 §6): the offer's first codec we take, its payload type numbers, the mirrored direction.
using System;
using System.Text;

namespace DeskPhone.Firmware.Media.Sdp
{
    public static partial class SdpNegotiator
    {
        /// <summary>Answers <paramref name="offer"/> as a phone not on hold, with o= version = session id.</summary>
        public static SdpAnswerResult Answer(SdpSession offer, SdpCapabilities local)
        {
            if (local == null) throw new ArgumentNullException("local");
            return Answer(offer, local, SdpDirection.SendRecv, local.SessionId);
        }

        /// <summary>
        /// Answers <paramref name="offer"/> (RFC 3264 §6.1). The first audio RTP/AVP stream with a
        /// codec in common is accepted on our port with the first codec of the offer that
        /// <paramref name="local"/> takes, plus telephone-event if offered; both keep the offerer's
        /// payload type numbers. Its direction mirrors the offer's, limited by
        /// <paramref name="localDirection"/> (sendonly while we hold). Every other m= line is
        /// answered with port 0, so the answer has the offer's m= lines in the offer's order.
        /// Nothing usable gives <see cref="SdpAnswerResult.NotAcceptableHere"/> and a reason.
        /// </summary>
        public static SdpAnswerResult Answer(SdpSession offer, SdpCapabilities local, SdpDirection localDirection, ulong sessionVersion)
        {
            if (offer == null) throw new ArgumentNullException("offer");
            if (local == null) throw new ArgumentNullException("local");
            SdpSession answer = NewSession(local, sessionVersion);
            answer.AddLine(new SdpLine('t', offer.Timing)); // §6: the answer's t= equals the offer's
            NegotiatedMedia chosen = null;
            string refusal = null;
            int refusalStatus = 0;
            StringBuilder otherStreams = new StringBuilder();
            for (int i = 0; i < offer.MediaCount; i++)
            {
                SdpMedia m = offer.Media(i);
                SdpMedia reply = null;
                if (chosen == null && m.IsAudioRtpAvp && !m.IsRejected)
                {
                    reply = AnswerAudio(offer, i, local, localDirection, out chosen, out refusal, out refusalStatus);
                }
                else if (chosen == null && !m.IsRejected)
                {
                    if (otherStreams.Length > 0) otherStreams.Append(", ");
                    otherStreams.Append(m.MediaType).Append(' ').Append(m.Proto);
                }
                answer.AddMedia(reply != null ? reply : Rejected(m));
            }
            if (chosen != null) return SdpAnswerResult.Accept(answer, chosen);
            if (refusal != null) return SdpAnswerResult.Refuse(refusalStatus, refusal);
            if (offer.MediaCount == 0) return SdpAnswerResult.Refuse(SdpAnswerResult.NotAcceptableHere, "nothing in common: the offer has no m= lines");
            string what = otherStreams.Length == 0 ? "every stream in it is disabled (port 0)" : "it has only " + otherStreams.ToString();
            return SdpAnswerResult.Refuse(SdpAnswerResult.NotAcceptableHere, "nothing in common: the offer has no audio stream over RTP/AVP; " + what);
        }

        /// <summary>The answer's m= line for offered audio stream <paramref name="index"/>, or null and a refusal.</summary>
        private static SdpMedia AnswerAudio(SdpSession offer, int index, SdpCapabilities local, SdpDirection localDirection, out NegotiatedMedia chosen, out string refusal, out int refusalStatus)
        {
            chosen = null;
            refusal = null;
            refusalStatus = SdpAnswerResult.NotAcceptableHere;
            SdpMedia m = offer.Media(index);
            SdpCodec telephoneEvent = local.TelephoneEvent;
            SdpCodec codec = null;
            int codecPt = -1;
            int eventPt = -1;
            string eventFmtp = null;
            StringBuilder offered = new StringBuilder();
            int listed = 0;
            for (int f = 0; f < m.Formats.Length; f++)
            {
                SdpRtpMap map = m.FormatMap(f);
                if (map != null && SdpText.SameIgnoringCase(map.Encoding, SdpCodec.TelephoneEventName))
                {
                    if (eventPt < 0 && telephoneEvent != null && telephoneEvent.Matches(map))
                    {
                        eventFmtp = TelephoneEvents.Intersect(m.Attributes.Fmtp(m.Formats[f]), telephoneEvent.Fmtp);
                        if (eventFmtp != null) eventPt = map.PayloadType;
                    }
                    continue;
                }
                listed++;
                if (listed <= 8)
                {
                    if (offered.Length > 0) offered.Append(", ");
                    offered.Append(map == null ? "unmapped format " + SdpText.Quote(m.Formats[f]) : map.Encoding + "/" + map.ClockRate.ToString());
                }
                else if (listed == 9)
                {
                    offered.Append(", ...");
                }
                if (codec != null) continue;
                SdpCodec mine = SdpCodec.Find(local.Codecs, map);
                if (mine != null && !mine.IsTelephoneEvent)
                {
                    codec = mine;
                    codecPt = map.PayloadType;
                }
            }
            if (codec == null)
            {
                refusal = "nothing in common: the offer's audio has " + (offered.Length == 0 ? "no voice codec" : offered.ToString()) + "; this phone takes " + VoiceCodecList(local.Codecs);
                return null;
            }
            SdpConnection remote = offer.ConnectionOf(m);
            if (remote == null)
            {
                refusalStatus = SdpAnswerResult.BadRequest;
                refusal = "the offer's audio stream (m= line " + (index + 1).ToString() + ") has no c= line and neither has the session";
                return null;
            }

            SdpDirection remoteDirection = RemoteDirection(offer, m, remote);
            SdpDirection answered = SdpDirections.Answer(remoteDirection, localDirection);
            SdpMedia reply = new SdpMedia(m.MediaType, local.Port, m.Proto, eventPt < 0
                ? new string[] { codecPt.ToString() }
                : new string[] { codecPt.ToString(), eventPt.ToString() });
            reply.Attributes.Add(codec.RtpMapOn(codecPt).ToAttribute());
            if (codec.Fmtp != null) reply.Attributes.Add("fmtp", codecPt.ToString() + " " + codec.Fmtp);
            if (eventPt >= 0)
            {
                reply.Attributes.Add(telephoneEvent.RtpMapOn(eventPt).ToAttribute());
                reply.Attributes.Add("fmtp", eventPt.ToString() + " " + eventFmtp);
            }
            if (local.Ptime > 0) reply.Attributes.Add("ptime", local.Ptime.ToString());
            reply.Direction = answered;

            NegotiatedMedia n = new NegotiatedMedia();
            n._mediaIndex = index;
            n._remoteAddress = remote.Address;
            n._remotePort = m.Port;
            n._remoteRtcpPort = RtcpPortOf(m);
            n._codec = codec;
            n._sendPayloadType = codecPt;
            n._receivePayloadType = codecPt;
            n._sendEventPayloadType = eventPt;
            n._receiveEventPayloadType = eventPt;
            n._ptime = PacketTime(offer.PtimeOf(m), local.Ptime);
            n._maxPtime = m.Attributes.MaxPtime;
            n._localDirection = answered;
            n._remoteDirection = remoteDirection;
            n._heldLocally = !SdpDirections.Receives(localDirection);
            n._heldByRemote = !SdpDirections.Receives(remoteDirection);
            chosen = n;
            return reply;
        }

        /// <summary>A rejected stream (RFC 3264 §6): the offered m= line with port 0, formats kept, nothing else.</summary>
        private static SdpMedia Rejected(SdpMedia offered)
        {
            string[] formats = offered.Formats.Length > 0 ? offered.Formats : new string[] { "0" };
            return new SdpMedia(offered.MediaType, 0, offered.Proto, formats);
        }

        /// <summary>The direction the remote's SDP gives <paramref name="m"/>; c=0.0.0.0 (RFC 2543 hold) takes receiving away.</summary>
        private static SdpDirection RemoteDirection(SdpSession sdp, SdpMedia m, SdpConnection c)
        {
            SdpDirection d = sdp.DirectionOf(m);
            return c != null && c.IsUnspecified ? SdpDirections.Intersect(d, SdpDirection.SendOnly) : d;
        }

        private static int RtcpPortOf(SdpMedia m)
        {
            int rtcp = m.Attributes.RtcpPort;
            return rtcp > 0 ? rtcp : m.Port + 1;
        }

        private static int PacketTime(int remote, int local)
        {
            if (remote > 0) return remote;
            return local > 0 ? local : 20;
        }

        private static string VoiceCodecList(SdpCodec[] codecs)
        {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < codecs.Length; i++)
            {
                if (codecs[i] == null || codecs[i].IsTelephoneEvent) continue;
                if (sb.Length > 0) sb.Append(", ");
                sb.Append(codecs[i].ToString());
            }
            return sb.Length == 0 ? "no voice codec" : sb.ToString();
        }
    }
}
