// One call's offer/answer state (RFC 3264 §8): our o= line and its version, the offer in flight, hold both ways.
using System;

namespace DeskPhone.Firmware.Media.Sdp
{
    /// <summary>
    /// The SDP side of one call, owned by the call on the loop thread. It makes offers (first,
    /// re-, hold, resume), answers the remote's offers, reads the remote's answers and keeps the
    /// <see cref="Media"/> they agree on. Our o= line keeps its session id for the whole call and
    /// its version grows by one only when what we send differs from what we sent before. An offer
    /// or answer that fails leaves <see cref="Media"/> as it was (RFC 3264 §8: a refused re-offer
    /// changes nothing).
    /// </summary>
    public sealed class SdpOfferAnswer
    {
        private readonly SdpCapabilities _local;
        private ulong _version;
        private string _lastLocal; // as sent: read again for a re-offer (parsed, a description holds several times its text)
        private SdpOrigin _lastRemoteOrigin;
        private SdpSession _pendingOffer;
        private bool _pendingHold;
        private bool _holding;
        private bool _heldByRemote;
        private NegotiatedMedia _media;

        /// <summary>A call whose SDP comes from <paramref name="local"/>; the first version is its session id.</summary>
        public SdpOfferAnswer(SdpCapabilities local)
        {
            if (local == null) throw new ArgumentNullException("local");
            _local = local;
            _version = local.SessionId;
        }

        /// <summary>Our address, port and codecs; a changed address or port goes out with the next offer.</summary>
        public SdpCapabilities Local { get { return _local; } }

        /// <summary>The o= version of the last SDP we sent (the session id before the first one).</summary>
        public ulong SessionVersion { get { return _version; } }

        /// <summary>The text of the last SDP we sent, offer or answer, or null.</summary>
        public string LastLocalText { get { return _lastLocal; } }

        /// <summary>The last SDP we sent, offer or answer (read again from its text: a new object each time), or null.</summary>
        public SdpSession LastLocal
        {
            get
            {
                SdpSession last;
                string why;
                return _lastLocal != null && SdpSession.TryParse(_lastLocal, out last, out why) ? last : null;
            }
        }

        /// <summary>The o= line of the last SDP the remote sent that we accepted (all that is kept of it), or null.</summary>
        public SdpOrigin LastRemoteOrigin { get { return _lastRemoteOrigin; } }

        /// <summary>True while an offer of ours waits for its answer.</summary>
        public bool HasPendingOffer { get { return _pendingOffer != null; } }

        /// <summary>The media agreed by the last completed exchange, or null before the first.</summary>
        public NegotiatedMedia Media { get { return _media; } }

        /// <summary>True when we hold the call (agreed by a completed exchange).</summary>
        public bool IsHolding { get { return _holding; } }

        /// <summary>True when the remote holds us, as far as the last exchange could tell.</summary>
        public bool IsHeldByRemote { get { return _heldByRemote; } }

        // ---- our offers ---------------------------------------------------------------------

        /// <summary>
        /// An offer for an INVITE, a 200 to an INVITE without SDP, or a re-INVITE/UPDATE that keeps
        /// the current hold state (a session refresh: same content, same version).
        /// </summary>
        public SdpSession CreateOffer()
        {
            return Offer(_holding);
        }

        /// <summary>A hold re-offer: sendonly, or inactive when the remote already holds us.</summary>
        public SdpSession CreateHoldOffer()
        {
            return Offer(true);
        }

        /// <summary>A resume re-offer: sendrecv.</summary>
        public SdpSession CreateResumeOffer()
        {
            return Offer(false);
        }

        private SdpSession Offer(bool hold)
        {
            SdpDirection direction = hold ? SdpDirections.Hold(_heldByRemote) : SdpDirection.SendRecv;
            SdpSession last = LastLocal;
            SdpSession offer = last == null
                ? SdpNegotiator.CreateOffer(_local, direction, _version)
                : SdpNegotiator.Reoffer(last, _local, direction, _version);
            Stamp(offer);
            _pendingOffer = offer;
            _pendingHold = hold;
            return offer;
        }

        /// <summary>
        /// Reads the answer to our pending offer (in a 200, a reliable 18x or an ACK). True and a new
        /// <see cref="Media"/> when it fits; false and a reason when it does not (the call layer
        /// then ends the call: RFC 3264 gives no way to refuse an answer). The same answer seen a
        /// second time (a 183's SDP repeated in the 200) is accepted without change.
        /// </summary>
        public bool ReceiveAnswer(SdpSession answer, out string reason)
        {
            if (_pendingOffer == null)
            {
                if (answer != null && _lastRemoteOrigin != null && SameOrigin(answer.Origin, _lastRemoteOrigin))
                {
                    reason = null;
                    return true;
                }
                reason = "no offer of ours is waiting for an answer";
                return false;
            }
            NegotiatedMedia media;
            if (!SdpNegotiator.ProcessAnswer(_pendingOffer, answer, out media, out reason))
            {
                _pendingOffer = null;
                return false;
            }
            // To an inactive offer the answer must say inactive, which tells nothing about the remote's hold.
            bool heldByRemote = SdpDirections.Sends(media.LocalDirection) ? media.IsHeldByRemote : _heldByRemote;
            if (heldByRemote != media.IsHeldByRemote) media = media.WithHeldByRemote(heldByRemote);
            _media = media;
            _heldByRemote = heldByRemote;
            _holding = _pendingHold;
            _lastRemoteOrigin = answer.Origin;
            _pendingOffer = null;
            return true;
        }

        /// <summary>Forgets the pending offer: it was refused (488, 491), timed out or cancelled. Media and hold stay as agreed before.</summary>
        public void CancelOffer()
        {
            _pendingOffer = null;
        }

        // ---- the remote's offers ----------------------------------------------------------------

        /// <summary>
        /// Answers the remote's offer (an INVITE, a re-INVITE, an UPDATE, or the 200 to our INVITE
        /// without SDP). Accepted: send <see cref="SdpAnswerResult.Answer"/>; <see cref="Media"/> is
        /// the new stream (codec or address may have changed). Refused: answer the request with
        /// <see cref="SdpAnswerResult.Status"/> (488 nothing in common, 400 no address, 491 when
        /// our own offer is pending); the session stays as it was.
        /// </summary>
        public SdpAnswerResult ReceiveOffer(SdpSession offer)
        {
            if (offer == null) throw new ArgumentNullException("offer");
            if (_pendingOffer != null)
            {
                return SdpAnswerResult.Refuse(SdpAnswerResult.RequestPending, "an offer of ours is still waiting for its answer");
            }
            SdpDirection wish = _holding ? SdpDirection.SendOnly : SdpDirection.SendRecv;
            SdpAnswerResult result = SdpNegotiator.Answer(offer, _local, wish, _version);
            if (!result.Accepted) return result;
            Stamp(result.Answer);
            _media = result.Media;
            _heldByRemote = result.Media.IsHeldByRemote;
            _lastRemoteOrigin = offer.Origin;
            return result;
        }

        /// <summary>
        /// Gives <paramref name="sdp"/> the o= line of the call (same user, id and address throughout)
        /// with our current version, one more when it differs from what we sent last; remembers it as sent.
        /// </summary>
        private void Stamp(SdpSession sdp)
        {
            SdpSession last = LastLocal;
            if (last != null)
            {
                sdp.Origin = last.Origin.WithVersion(_version);
                if (sdp.ToStringWithoutVersion() != last.ToStringWithoutVersion()) _version++;
            }
            sdp.Origin = sdp.Origin.WithVersion(_version);
            _lastLocal = sdp.ToString();
        }

        /// <summary>True when two o= lines name the same session at the same version.</summary>
        public static bool SameOrigin(SdpOrigin a, SdpOrigin b)
        {
            return a.SessionId == b.SessionId && a.SessionVersion == b.SessionVersion
                && a.Username == b.Username && a.Address == b.Address;
        }
    }
}
