// The nc value of qop=auth answers: counts uses of one nonce (RFC 7616 §3.4, RFC 2617 §3.2.2).
namespace DeskPhone.Firmware.Sip.Auth
{
    /// <summary>
    /// Counts how many requests have answered the current nonce. <see cref="Next"/> returns 1 for
    /// a nonce not seen just before, and one more each time the same nonce is used again, so a
    /// server can detect replays. Keep one counter per set of credentials (per realm).
    /// </summary>
    public sealed class NonceCounter
    {
        private string _nonce;
        private int _count;

        /// <summary>The nonce being counted, or null before the first use and after <see cref="Reset"/>.</summary>
        public string Nonce { get { return _nonce; } }

        /// <summary>The last value <see cref="Next"/> returned (0 before the first use).</summary>
        public int Count { get { return _count; } }

        /// <summary>The nc for the next request answering <paramref name="nonce"/> (compared exactly).</summary>
        public int Next(string nonce)
        {
            if (nonce == null)
            {
                throw new System.ArgumentNullException("nonce");
            }
            if (_nonce == null || !string.Equals(_nonce, nonce))
            {
                _nonce = nonce;
                _count = 0;
            }
            if (_count < int.MaxValue)
            {
                _count++;
            }
            return _count;
        }

        /// <summary>Forgets the nonce, e.g. when the credentials change.</summary>
        public void Reset()
        {
            _nonce = null;
            _count = 0;
        }
    }
}
