// Reading a dialog-info body (RFC 4235 §4.1, the XML schema of §4.2): tolerant of what the schema allows, refusing what it forbids.
using DeskPhone.Firmware.Sip.Message;

namespace DeskPhone.Firmware.Sip.Subscription
{
    public sealed partial class DialogInfo
    {
        private const int MaxDepth = 32;
        private const int RoleOther = 0;
        private const int RoleRoot = 1;
        private const int RoleDialog = 2;
        private const int RoleState = 3;
        private const int RoleLocal = 4;
        private const int RoleRemote = 5;
        private const int RoleIdentity = 6;
        private const int RoleTarget = 7;

        /// <summary>
        /// Reads a dialog-info body. Tolerates a byte-order mark, an XML declaration, comments,
        /// namespace prefixes, CDATA, character and entity references, elements and attributes it
        /// does not know (RFC 4235 is extensible), and missing optional parts (tags, direction,
        /// participants). Refuses, with a reason and never an exception: an empty or oversized body,
        /// XML that is not well-formed, a DOCTYPE, a root other than dialog-info, a missing or bad
        /// version or state, a dialog without id or state, an unknown dialog state, more than
        /// <see cref="MaxDialogs"/> dialogs, nesting deeper than 32.
        /// </summary>
        public static bool TryParse(string body, out DialogInfo info, out string reason)
        {
            info = null;
            reason = null;
            if (body == null || IsBlank(body)) { reason = "empty body"; return false; }
            if (body.Length > MaxBodyLength) { reason = "body longer than " + MaxBodyLength.ToString() + " characters"; return false; }
            Reader r = new Reader(body);
            info = r.Read();
            reason = r.Reason;
            return info != null;
        }

        private static bool IsBlank(string s)
        {
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\uFEFF') return false;
            }
            return true;
        }

        /// <summary>One pass over the tokens with a stack of the open elements and what each one is.</summary>
        private sealed class Reader
        {
            private readonly DialogInfoXml _x;
            private readonly int[] _nameStart = new int[MaxDepth];
            private readonly int[] _nameLength = new int[MaxDepth];
            private readonly int[] _role = new int[MaxDepth];
            private int _depth;
            private DialogInfo _doc;
            private DialogInfoDialog _dialog;
            private bool _dialogHasState;
            private bool _rootClosed;
            private string _text;

            public Reader(string body)
            {
                _x = new DialogInfoXml(body);
            }

            public string Reason { get; private set; }

            public DialogInfo Read()
            {
                while (_x.Next())
                {
                    bool ok;
                    if (_x.Kind == XmlToken.Text) ok = OnText();
                    else if (_x.Kind == XmlToken.StartTag) ok = OnStart();
                    else ok = OnEnd();
                    if (!ok) return null;
                }
                if (_x.Kind == XmlToken.Error) return Refuse("not well-formed XML: " + _x.Error + " (character " + (_x.ErrorAt + 1).ToString() + ")");
                if (_doc == null) return Refuse("no dialog-info element");
                if (_depth > 0) return Refuse("'<" + OpenName(_depth - 1) + ">' is not closed");
                return _doc;
            }

            private bool OnText()
            {
                if (_depth == 0)
                {
                    if (_x.TextIsSpace()) return true;
                    Reason = "text outside the dialog-info element";
                    return false;
                }
                int role = _role[_depth - 1];
                if (role != RoleState && role != RoleIdentity) return true;
                string t = _x.Text();
                if (t == null)
                {
                    Reason = "a bad character or entity reference in <" + OpenName(_depth - 1) + ">";
                    return false;
                }
                _text = _text == null ? t : _text + t;
                return true;
            }

            private bool OnStart()
            {
                int role;
                if (_depth == 0)
                {
                    if (_rootClosed) return Fail("a second root element <" + Shown(_x.Name) + ">");
                    if (!_x.NameIs("dialog-info")) return Fail("the root element is <" + Shown(_x.Name) + ">, not <dialog-info>");
                    if (!StartDocument()) return false;
                    role = RoleRoot;
                }
                else
                {
                    if (_depth >= MaxDepth) return Fail("elements nested more than " + MaxDepth.ToString() + " deep");
                    role = RoleOf(_role[_depth - 1]);
                    if (!StartElement(role)) return false;
                }
                _nameStart[_depth] = _x.NameStart;
                _nameLength[_depth] = _x.NameLength;
                _role[_depth] = role;
                _depth++;
                _text = null;
                return !_x.SelfClosing || Close();
            }

            private bool OnEnd()
            {
                if (_depth == 0) return Fail("</" + Shown(_x.Name) + "> closes nothing");
                if (!_x.SameText(_x.NameStart, _x.NameLength, _nameStart[_depth - 1], _nameLength[_depth - 1]))
                {
                    return Fail("</" + Shown(_x.Name) + "> does not close <" + OpenName(_depth - 1) + ">");
                }
                return Close();
            }

            /// <summary>What a child of an element of role <paramref name="parent"/> named as the current tag is.</summary>
            private int RoleOf(int parent)
            {
                if (parent == RoleRoot) return _x.NameIs("dialog") ? RoleDialog : RoleOther;
                if (parent == RoleDialog)
                {
                    if (_x.NameIs("state")) return RoleState;
                    if (_x.NameIs("local")) return RoleLocal;
                    if (_x.NameIs("remote")) return RoleRemote;
                    return RoleOther;
                }
                if (parent == RoleLocal || parent == RoleRemote)
                {
                    if (_x.NameIs("identity")) return RoleIdentity;
                    if (_x.NameIs("target")) return RoleTarget;
                }
                return RoleOther;
            }

            private bool StartDocument()
            {
                bool bad = false;
                string version = _x.Attribute("version", ref bad);
                string state = _x.Attribute("state", ref bad);
                string entity = _x.Attribute("entity", ref bad);
                if (bad) return Fail("a bad character or entity reference in <dialog-info>'s attributes");
                if (version == null) return Fail("<dialog-info> has no version");
                long v = SipText.ParseNumber(version.Trim());
                if (v < 0 || v > 4294967295L) return Fail("<dialog-info> version '" + Shown(version) + "' is not a whole number 0-4294967295");
                if (state == null) return Fail("<dialog-info> has no state (full or partial)");
                string s = SipText.LowerAscii(state.Trim());
                if (s != "full" && s != "partial") return Fail("<dialog-info> state '" + Shown(state) + "' is neither full nor partial");
                _doc = new DialogInfo();
                _doc.Version = v;
                _doc.IsFull = s == "full";
                _doc.Entity = entity == null ? null : entity.Trim();
                return true;
            }

            private bool StartElement(int role)
            {
                bool bad = false;
                if (role == RoleDialog)
                {
                    if (_doc.Count >= MaxDialogs) return Fail("more than " + MaxDialogs.ToString() + " dialogs");
                    DialogInfoDialog d = new DialogInfoDialog();
                    d.Id = _x.Attribute("id", ref bad);
                    d.CallId = _x.Attribute("call-id", ref bad);
                    d.LocalTag = _x.Attribute("local-tag", ref bad);
                    d.RemoteTag = _x.Attribute("remote-tag", ref bad);
                    string direction = _x.Attribute("direction", ref bad);
                    if (bad) return Fail("a bad character or entity reference in a <dialog>'s attributes");
                    if (d.Id == null || d.Id.Length == 0) d.Id = d.CallId; // the schema wants an id; a call-id identifies it as well
                    if (d.Id == null || d.Id.Length == 0) return Fail("a <dialog> has neither id nor call-id");
                    direction = direction == null ? "" : SipText.LowerAscii(direction.Trim());
                    d.Direction = direction == "recipient" ? DialogDirection.Recipient : direction == "initiator" ? DialogDirection.Initiator : DialogDirection.Unknown;
                    _dialog = d;
                    _dialogHasState = false;
                    return true;
                }
                if (role == RoleState)
                {
                    _dialog.StateEvent = _x.Attribute("event", ref bad);
                    string code = _x.Attribute("code", ref bad);
                    long c = code == null ? -1 : SipText.ParseNumber(code.Trim());
                    _dialog.StateCode = c >= 100 && c <= 699 ? (int)c : -1;
                }
                else if (role == RoleIdentity)
                {
                    string display = _x.Attribute("display", ref bad);
                    if (_role[_depth - 1] == RoleLocal) _dialog.LocalDisplay = display;
                    else _dialog.RemoteDisplay = display;
                }
                else if (role == RoleTarget)
                {
                    string uri = _x.Attribute("uri", ref bad);
                    if (uri != null) uri = uri.Trim();
                    if (_role[_depth - 1] == RoleLocal) _dialog.LocalTarget = uri;
                    else _dialog.RemoteTarget = uri;
                }
                if (bad) return Fail("a bad character or entity reference in <" + Shown(_x.Name) + ">'s attributes");
                return true;
            }

            /// <summary>Pops the innermost element and files what it held.</summary>
            private bool Close()
            {
                _depth--;
                int role = _role[_depth];
                string text = _text == null ? "" : _text.Trim();
                _text = null;
                if (role == RoleState)
                {
                    DialogPhase phase;
                    if (!TryPhase(SipText.LowerAscii(text), out phase)) return Fail("dialog '" + Shown(_dialog.Id) + "' has an unknown state '" + Shown(text) + "'");
                    _dialog.Phase = phase;
                    _dialogHasState = true;
                }
                else if (role == RoleIdentity)
                {
                    string uri = text.Length == 0 ? null : text;
                    if (_role[_depth - 1] == RoleLocal) _dialog.LocalIdentity = uri;
                    else _dialog.RemoteIdentity = uri;
                }
                else if (role == RoleDialog)
                {
                    if (!_dialogHasState) return Fail("dialog '" + Shown(_dialog.Id) + "' has no <state>");
                    _doc._dialogs.Add(_dialog);
                    _dialog = null;
                }
                else if (role == RoleRoot)
                {
                    _rootClosed = true;
                }
                return true;
            }

            private static bool TryPhase(string s, out DialogPhase phase)
            {
                phase = DialogPhase.Terminated;
                for (int i = 0; i <= (int)DialogPhase.Terminated; i++)
                {
                    if (DialogInfoDialog.PhaseName((DialogPhase)i) != s) continue;
                    phase = (DialogPhase)i;
                    return true;
                }
                return false;
            }

            private string OpenName(int level)
            {
                return Shown(_x.RangeText(_nameStart[level], _nameLength[level]));
            }

            private bool Fail(string why)
            {
                Reason = why;
                return false;
            }

            private DialogInfo Refuse(string why)
            {
                Reason = why;
                return null;
            }

            /// <summary>Text from the body cut to 40 characters with control and non-ASCII characters as '?', for a reason.</summary>
            private static string Shown(string s)
            {
                if (s == null) return "";
                if (s.Length > 40) s = s.Substring(0, 37) + "...";
                char[] chars = s.ToCharArray();
                for (int i = 0; i < chars.Length; i++)
                {
                    if (chars[i] < ' ' || chars[i] >= '\u007F') chars[i] = '?';
                }
                return new string(chars);
            }
        }
    }
}
