// One shared line appearance as a call-info NOTIFY's Call-Info header lists it (BroadWorks / Kamailio sca).
using DeskPhone.Firmware.Sip.Message;

namespace DeskPhone.Firmware.Sip.Subscription
{
    /// <summary>The appearance states of the shared call appearance specification, as Kamailio's sca names them.</summary>
    public enum AppearanceState
    {
        /// <summary>No state given (a line-seize NOTIFY names only the index).</summary>
        Unknown = -1,
        /// <summary>Free.</summary>
        Idle = 0,
        /// <summary>Taken by a line-seize: someone is about to dial.</summary>
        Seized = 1,
        /// <summary>An outgoing call on it is ringing or in progress (180/183).</summary>
        Progressing = 2,
        /// <summary>An incoming call on it is ringing.</summary>
        Alerting = 3,
        /// <summary>A call is up on it.</summary>
        Active = 4,
        /// <summary>Its call is on hold: another phone of the line may pick it up.</summary>
        Held = 5,
        /// <summary>Its call is on hold privately: nobody else may pick it up.</summary>
        HeldPrivate = 6
    }

    /// <summary>
    /// One entry of a Call-Info header: <c>&lt;sip:DOMAIN&gt;;appearance-index=N;appearance-state=S;appearance-uri="..."</c>.
    /// <see cref="IsAllOthers"/> marks the "appearance-index=*" entry sca adds for "every other appearance".
    /// </summary>
    public sealed class CallInfoAppearance
    {
        private static readonly string[] StateNames = { "idle", "seized", "progressing", "alerting", "active", "held", "held-private" };

        /// <summary>The appearance number, from 1; 0 for the "*" entry.</summary>
        public int Index;

        /// <summary>True for "appearance-index=*" (sca: every appearance not listed is in <see cref="State"/>, idle).</summary>
        public bool IsAllOthers;

        /// <summary>Its state; <see cref="AppearanceState.Unknown"/> when the header gave none.</summary>
        public AppearanceState State = AppearanceState.Unknown;

        /// <summary>The appearance-uri unquoted: the remote party ("\"Carol\" &lt;sip:204@office.example&gt;"), or null.</summary>
        public string Uri;

        /// <summary>The URI in angle brackets before the parameters ("sip:office.example").</summary>
        public string Line;

        /// <summary>The remote party parsed from <see cref="Uri"/> (null when there is none or it is not a name-address).</summary>
        public SipNameAddr RemoteParty
        {
            get
            {
                if (Uri == null || Uri.Length == 0) return null;
                string text = Uri.IndexOf('<') >= 0 ? Uri : "<" + Uri + ">";
                return SipNameAddr.Parse(text);
            }
        }

        /// <summary>"Carol 204", "204", or the appearance-uri as written; null when there is none.</summary>
        public string RemoteText
        {
            get
            {
                SipNameAddr party = RemoteParty;
                if (party == null) return Uri;
                string number = party.Uri != null ? (party.Uri.User != null ? SipUri.Unescape(party.Uri.User) : party.Uri.Host) : party.UriText;
                string name = party.DisplayName != null && party.DisplayName.Trim().Length > 0 ? party.DisplayName.Trim() : null;
                if (name != null && number != null && name != number) return name + " " + number;
                return name != null ? name : number;
            }
        }

        /// <summary>"idle", "held-private"...; "unknown" for <see cref="AppearanceState.Unknown"/>.</summary>
        public static string StateName(AppearanceState state)
        {
            int i = (int)state;
            return i >= 0 && i < StateNames.Length ? StateNames[i] : "unknown";
        }

        /// <summary>Reads a state name in any ASCII case; false for anything else.</summary>
        public static bool TryParseState(string text, out AppearanceState state)
        {
            state = AppearanceState.Unknown;
            if (text == null) return false;
            for (int i = 0; i < StateNames.Length; i++)
            {
                if (!SipText.EqualsIgnoreCase(StateNames[i], text)) continue;
                state = (AppearanceState)i;
                return true;
            }
            return false;
        }

        /// <summary>"2 held Carol 204", for logs.</summary>
        public override string ToString()
        {
            string who = RemoteText;
            return (IsAllOthers ? "*" : Index.ToString()) + " " + StateName(State) + (who == null ? "" : " " + who);
        }
    }
}
