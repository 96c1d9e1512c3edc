// A Digest challenge from WWW-Authenticate or Proxy-Authenticate (RFC 3261 §22.4, RFC 7616 §3.3, RFC 8760).
namespace DeskPhone.Firmware.Sip.Auth
{
    /// <summary>
    /// A Digest challenge the phone can answer: realm, nonce, opaque, algorithm, qop, stale, domain.
    /// <see cref="TryParse(string, out DigestChallenge, out string)"/> accepts only challenges this
    /// client can answer and otherwise says why (another scheme, no realm or nonce, an algorithm or
    /// qop it does not implement). It never throws for bad input. Instances never change.
    /// </summary>
    public sealed class DigestChallenge
    {
        private string _realm;
        private string _nonce;
        private string _opaque;
        private string _algorithmText;
        private DigestAlgorithm _algorithm;
        private string _qopOptions;
        private bool _useQop;
        private bool _stale;
        private string _domain;

        private DigestChallenge()
        {
        }

        /// <summary>The realm, unquoted. Echo it unchanged; it also names the credentials to use.</summary>
        public string Realm { get { return _realm; } }

        /// <summary>The nonce, unquoted.</summary>
        public string Nonce { get { return _nonce; } }

        /// <summary>The opaque value to echo, or null when the challenge had none ("" is echoed as opaque="").</summary>
        public string Opaque { get { return _opaque; } }

        /// <summary>The algorithm to answer with (MD5 when the challenge named none).</summary>
        public DigestAlgorithm Algorithm { get { return _algorithm; } }

        /// <summary>The algorithm parameter as the server wrote it, or null when it had none.</summary>
        public string AlgorithmText { get { return _algorithmText; } }

        /// <summary>The qop parameter as written (e.g. "auth,auth-int"), or null when there was none.</summary>
        public string QopOptions { get { return _qopOptions; } }

        /// <summary>
        /// True when the answer carries qop=auth, nc and cnonce (the challenge offered "auth");
        /// false for the RFC 2069 form, used when the challenge has no qop.
        /// </summary>
        public bool UsesQopAuth { get { return _useQop; } }

        /// <summary>
        /// stale=TRUE (any case): the previous request had a good digest but an expired nonce, so
        /// retry with the same password and this new nonce instead of treating the password as wrong.
        /// </summary>
        public bool Stale { get { return _stale; } }

        /// <summary>The domain parameter as written (space-separated URIs), or null.</summary>
        public string Domain { get { return _domain; } }

        /// <summary>
        /// Parses one WWW-Authenticate or Proxy-Authenticate header value. On failure
        /// <paramref name="challenge"/> is null and <paramref name="reason"/> is a sentence such as
        /// "Digest challenge refused: it has no nonce". Never throws.
        /// </summary>
        public static bool TryParse(string headerValue, out DigestChallenge challenge, out string reason)
        {
            challenge = null;
            DigestParamReader reader;
            string problem;
            if (!DigestParamReader.TryRead(headerValue, out reader, out problem))
            {
                reason = "Digest challenge refused: " + problem;
                return false;
            }
            if (!DigestText.EqualsIgnoreCase(reader.Scheme, "Digest"))
            {
                reason = "challenge refused: scheme " + DigestText.Excerpt(reader.Scheme) + " is not Digest";
                return false;
            }

            DigestChallenge c = new DigestChallenge();
            problem = c.Fill(reader);
            if (problem != null)
            {
                reason = "Digest challenge refused: " + problem;
                return false;
            }
            challenge = c;
            reason = null;
            return true;
        }

        /// <summary>
        /// Of several challenges in one 401 or 407 (one per header, e.g. SHA-256 and MD5,
        /// RFC 8760 §2.4), the strongest one the phone can answer; among equally strong ones the
        /// topmost, which the server lists as its preference. Null when none can be answered.
        /// </summary>
        public static DigestChallenge PickBest(string[] headerValues)
        {
            DigestChallenge best;
            string reason;
            TryPickBest(headerValues, null, out best, out reason);
            return best;
        }

        /// <summary>
        /// Like <see cref="PickBest(string[])"/>, but only challenges whose realm equals
        /// <paramref name="realm"/> (any realm when null), and with a reason when none can be
        /// answered: every refused value's reason, joined with "; ".
        /// </summary>
        public static bool TryPickBest(string[] headerValues, string realm, out DigestChallenge best, out string reason)
        {
            best = null;
            if (headerValues == null || headerValues.Length == 0)
            {
                reason = "no challenge was offered";
                return false;
            }
            System.Text.StringBuilder refused = new System.Text.StringBuilder();
            for (int i = 0; i < headerValues.Length; i++)
            {
                DigestChallenge c;
                string why;
                if (!TryParse(headerValues[i], out c, out why))
                {
                    AppendReason(refused, why);
                    continue;
                }
                if (realm != null && c.Realm != realm)
                {
                    AppendReason(refused, "challenge for realm " + DigestText.Excerpt(c.Realm) + " skipped");
                    continue;
                }
                if (best == null || DigestAlgorithms.Strength(c.Algorithm) > DigestAlgorithms.Strength(best.Algorithm))
                {
                    best = c;
                }
            }
            if (best == null)
            {
                reason = refused.ToString();
                return false;
            }
            reason = null;
            return true;
        }

        private static void AppendReason(System.Text.StringBuilder sb, string reason)
        {
            if (sb.Length > 0)
            {
                sb.Append("; ");
            }
            sb.Append(reason);
        }

        /// <summary>Takes the known parameters from <paramref name="r"/>; returns null or what is wrong.</summary>
        private string Fill(DigestParamReader r)
        {
            for (int i = 0; i < r.Count; i++)
            {
                string name = r.Name(i);
                string value = r.Value(i);
                string problem = null;
                if (DigestText.EqualsIgnoreCase(name, "realm"))
                {
                    problem = Once(_realm, name);
                    _realm = value;
                }
                else if (DigestText.EqualsIgnoreCase(name, "nonce"))
                {
                    problem = Once(_nonce, name);
                    _nonce = value;
                }
                else if (DigestText.EqualsIgnoreCase(name, "opaque"))
                {
                    problem = Once(_opaque, name);
                    _opaque = value;
                }
                else if (DigestText.EqualsIgnoreCase(name, "algorithm"))
                {
                    problem = Once(_algorithmText, name);
                    _algorithmText = value;
                }
                else if (DigestText.EqualsIgnoreCase(name, "qop"))
                {
                    problem = Once(_qopOptions, name);
                    _qopOptions = value;
                }
                else if (DigestText.EqualsIgnoreCase(name, "domain"))
                {
                    problem = Once(_domain, name);
                    _domain = value;
                }
                else if (DigestText.EqualsIgnoreCase(name, "stale"))
                {
                    _stale = DigestText.EqualsIgnoreCase(value, "true");
                }
                if (problem != null)
                {
                    return problem;
                }
            }

            if (_realm == null)
            {
                return "it has no realm";
            }
            if (_nonce == null)
            {
                return "it has no nonce";
            }
            if (_nonce.Length == 0)
            {
                return "its nonce is empty";
            }
            if (_algorithmText == null)
            {
                _algorithm = DigestAlgorithm.Md5;
            }
            else if (!DigestAlgorithms.TryParse(_algorithmText, out _algorithm))
            {
                return "algorithm " + DigestText.Excerpt(_algorithmText) + " is not supported (MD5, MD5-sess, SHA-256 and SHA-256-sess are)";
            }

            string qopProblem = ChooseQop();
            if (qopProblem != null)
            {
                return qopProblem;
            }
            if (!_useQop && DigestAlgorithms.IsSession(_algorithm))
            {
                return "algorithm " + DigestAlgorithms.ToToken(_algorithm) + " needs qop=auth (its HA1 covers the cnonce), but the challenge offers no qop";
            }
            return null;
        }

        /// <summary>Picks "auth" from the qop list, the RFC 2069 form when there is none, or says why neither.</summary>
        private string ChooseQop()
        {
            _useQop = false;
            if (_qopOptions == null)
            {
                return null;
            }
            bool sawAny = false;
            bool sawAuthInt = false;
            int i = 0;
            int n = _qopOptions.Length;
            while (i < n)
            {
                while (i < n && (_qopOptions[i] == ',' || DigestText.IsSpace(_qopOptions[i])))
                {
                    i++;
                }
                int start = i;
                while (i < n && _qopOptions[i] != ',' && !DigestText.IsSpace(_qopOptions[i]))
                {
                    i++;
                }
                if (i == start)
                {
                    break;
                }
                string option = _qopOptions.Substring(start, i - start);
                sawAny = true;
                if (DigestText.EqualsIgnoreCase(option, "auth"))
                {
                    _useQop = true;
                    return null;
                }
                if (DigestText.EqualsIgnoreCase(option, "auth-int"))
                {
                    sawAuthInt = true;
                }
            }
            if (!sawAny)
            {
                // qop="" offers nothing: answer in the RFC 2069 form, as if qop were absent.
                return null;
            }
            if (sawAuthInt)
            {
                return "qop " + DigestText.Excerpt(_qopOptions) + " offers only auth-int, which this phone does not implement (it answers qop=auth)";
            }
            return "qop " + DigestText.Excerpt(_qopOptions) + " offers no option this phone implements (it answers qop=auth)";
        }

        private static string Once(string previous, string name)
        {
            return previous == null ? null : "parameter " + DigestText.Excerpt(name) + " appears more than once";
        }
    }
}
