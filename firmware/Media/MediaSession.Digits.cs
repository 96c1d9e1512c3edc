// Keypad digits during a call as RFC 4733 telephone-events (loop thread).
namespace DeskPhone.Firmware.Media
{
    public sealed partial class MediaSession
    {
        /// <summary>
        /// Starts sending <paramref name="digit"/> (0-9, *, #, A-D) as a telephone-event that lasts
        /// until <see cref="ReleaseDigit"/> (at least the minimum tone length). False when events were
        /// not agreed or the digit is not one: the phone then sends SIP INFO.
        /// </summary>
        public bool PressDigit(char digit)
        {
            lock (_gate)
            {
                if (_udp == null || !_canSend || _sendEventPayloadType < 0) return false;
                return _dtmfOut.Press(digit);
            }
        }

        /// <summary>The key of the digit being sent was released: the event ends (its end packet goes three times).</summary>
        public void ReleaseDigit()
        {
            lock (_gate) { _dtmfOut.Release(); }
        }

        /// <summary>Queues <paramref name="digit"/> as an event of <paramref name="durationMs"/>; false as for <see cref="PressDigit"/>.</summary>
        public bool SendDigit(char digit, int durationMs)
        {
            lock (_gate)
            {
                if (_udp == null || !_canSend || _sendEventPayloadType < 0) return false;
                return _dtmfOut.Send(digit, durationMs);
            }
        }
    }
}
