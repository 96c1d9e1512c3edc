// When an account's request answers a 401/407 and when it gives up: one rule for registration, subscriptions and MESSAGE.
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Sip.Auth;
using DeskPhone.Firmware.Sip.Message;

namespace DeskPhone.Firmware.Sip
{
    /// <summary>
    /// The first 401/407 is answered with the account's credentials; a later one only when it says
    /// stale=true (RFC 7616 §3.3: the password was right, the nonce old), and at most a set number of
    /// times; any other is a wrong password. The nonce count runs on across answers. One per usage;
    /// <see cref="Reset"/> when its exchange is over (a success, a final failure, a fresh request).
    /// </summary>
    public sealed class DigestRetry
    {
        private NonceCounter _nonces; // made at the first answer: most usages are never challenged
        private readonly int _maxStaleRetries;
        private int _answers;
        private int _staleRetries;

        /// <summary>A rule that answers a stale challenge again at most <paramref name="maxStaleRetries"/> times.</summary>
        public DigestRetry(int maxStaleRetries)
        {
            _maxStaleRetries = maxStaleRetries;
        }

        /// <summary>
        /// Answers the 401/407 <paramref name="response"/> to a <paramref name="method"/> request for
        /// <paramref name="requestUri"/>: true with the header (Authorization or Proxy-Authorization) and
        /// value to send the request again with; false with why not ("cannot answer the challenge: ...",
        /// "wrong password for 201").
        /// </summary>
        public bool TryAnswer(SipStack stack, AccountConfig account, SipMessage response, string method, string requestUri,
            out string header, out string value, out string failure)
        {
            header = null;
            value = null;
            bool www = response.StatusCode == 401;
            DigestChallenge challenge;
            string reason;
            if (!DigestChallenge.TryPickBest(www ? response.WwwAuthenticate : response.ProxyAuthenticate, null, out challenge, out reason))
            {
                failure = "cannot answer the challenge: " + reason;
                return false;
            }
            if (_answers > 0)
            {
                if (!challenge.Stale || _staleRetries >= _maxStaleRetries)
                {
                    failure = "wrong password for " + AuthName(account);
                    return false;
                }
                _staleRetries++;
            }
            _answers++;
            if (_nonces == null) _nonces = new NonceCounter();
            int nc = _nonces.Next(challenge.Nonce);
            string cnonce = stack.Transactions.RandomHex(16);
            value = DigestAuthenticator.HeaderValue(challenge, method, requestUri, AuthName(account),
                account.Password == null ? "" : account.Password, cnonce, nc);
            header = DigestHeaders.AnswerHeaderFor(www ? DigestHeaders.WwwAuthenticate : DigestHeaders.ProxyAuthenticate);
            failure = null;
            return true;
        }

        /// <summary>Forgets the answers given: the next challenge is a first one again (the nonce count runs on).</summary>
        public void Reset()
        {
            _answers = 0;
            _staleRetries = 0;
        }

        /// <summary>The digest username: the account's auth user when set, else its user.</summary>
        public static string AuthName(AccountConfig account)
        {
            return account.AuthUser != null && account.AuthUser.Length > 0 ? account.AuthUser : account.User;
        }
    }
}
