// Reading the answer to our offer (RFC 3264 §7): the stream it accepted, the codec to send, where to and which way.
using System;

namespace DeskPhone.Firmware.Media.Sdp
{
    public static partial class SdpNegotiator
    {
        /// <summary>
        /// The media set up by <paramref name="offer"/> (ours) and <paramref name="answer"/>. Takes
        /// the first audio RTP/AVP stream both left open (port not 0) and, in it, the first
        /// format of the answer that the offer listed (matched by name and rate, so an answer may
        /// renumber dynamic types). Send values come from the answer, receive values from the
        /// offer. False with a <paramref name="reason"/> when the answer does not fit the offer:
        /// another m= line count, no accepted audio, no codec of ours, no address.
        /// </summary>
        public static bool ProcessAnswer(SdpSession offer, SdpSession answer, out NegotiatedMedia media, out string reason)
        {
            if (offer == null) throw new ArgumentNullException("offer");
            media = null;
            if (answer == null)
            {
                reason = "there is no answer";
                return false;
            }
            if (answer.MediaCount != offer.MediaCount)
            {
                reason = "the answer has " + answer.MediaCount.ToString() + " m= lines; the offer had " + offer.MediaCount.ToString();
                return false;
            }
            reason = "the answer accepted no audio stream of the offer";
            for (int i = 0; i < offer.MediaCount; i++)
            {
                SdpMedia ours = offer.Media(i);
                SdpMedia theirs = answer.Media(i);
                if (!ours.IsAudioRtpAvp || ours.IsRejected || theirs.IsRejected) continue;
                media = ReadAnsweredAudio(offer, answer, i, out reason);
                if (media != null)
                {
                    reason = null;
                    return true;
                }
            }
            return false;
        }

        private static NegotiatedMedia ReadAnsweredAudio(SdpSession offer, SdpSession answer, int index, out string reason)
        {
            SdpMedia ours = offer.Media(index);
            SdpMedia theirs = answer.Media(index);
            SdpRtpMap codecMap = null;
            int receivePt = -1;
            int sendEventPt = -1;
            int receiveEventPt = -1;
            for (int f = 0; f < theirs.Formats.Length; f++)
            {
                SdpRtpMap map = theirs.FormatMap(f);
                if (map == null) continue;
                int offeredPt = OfferedPayloadType(ours, map);
                if (offeredPt < 0) continue;
                if (SdpText.SameIgnoringCase(map.Encoding, SdpCodec.TelephoneEventName))
                {
                    if (sendEventPt < 0)
                    {
                        sendEventPt = map.PayloadType;
                        receiveEventPt = offeredPt;
                    }
                }
                else if (codecMap == null)
                {
                    codecMap = map;
                    receivePt = offeredPt;
                }
            }
            if (codecMap == null)
            {
                reason = "the answer's audio (m= line " + (index + 1).ToString() + ") has no codec the offer listed";
                return null;
            }
            SdpConnection remote = answer.ConnectionOf(theirs);
            if (remote == null)
            {
                reason = "the answer's audio (m= line " + (index + 1).ToString() + ") has no c= line and neither has the session";
                return null;
            }
            SdpDirection local = offer.DirectionOf(ours);
            NegotiatedMedia n = new NegotiatedMedia();
            n._mediaIndex = index;
            n._remoteAddress = remote.Address;
            n._remotePort = theirs.Port;
            n._remoteRtcpPort = RtcpPortOf(theirs);
            n._codec = SdpCodec.Describe(codecMap);
            n._sendPayloadType = codecMap.PayloadType;
            n._receivePayloadType = receivePt;
            n._sendEventPayloadType = sendEventPt;
            n._receiveEventPayloadType = receiveEventPt;
            n._ptime = PacketTime(answer.PtimeOf(theirs), offer.PtimeOf(ours));
            n._maxPtime = theirs.Attributes.MaxPtime;
            n._localDirection = local;
            n._remoteDirection = RemoteDirection(answer, theirs, remote);
            n._heldLocally = !SdpDirections.Receives(local);
            // An answer can only refuse what the offer allowed: it holds us when it will not
            // receive although our offer would send. To an inactive offer it cannot say.
            n._heldByRemote = SdpDirections.Sends(local) && !SdpDirections.Receives(n._remoteDirection);
            reason = null;
            return n;
        }

        /// <summary>The payload type under which <paramref name="offered"/> lists the format <paramref name="map"/> names, or -1.</summary>
        private static int OfferedPayloadType(SdpMedia offered, SdpRtpMap map)
        {
            for (int f = 0; f < offered.Formats.Length; f++)
            {
                SdpRtpMap mine = offered.FormatMap(f);
                if (mine != null && mine.Matches(map.Encoding, map.ClockRate, map.Channels)) return mine.PayloadType;
            }
            return -1;
        }
    }
}
