// Caller ID from the contact directory (or a lookup URL): the name and company on the call screen, a choice when several match, the history entry.
using System.Collections;
using DeskPhone.Firmware.Contacts;
using DeskPhone.Firmware.History;
using DeskPhone.Firmware.Sip.Call;
using DeskPhone.Firmware.Ui;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Phone
{
    public sealed partial class Phone
    {
        /// <summary>Numbers whose lookup answers are kept (the oldest are forgotten beyond this).</summary>
        public const int LookupCacheSize = 32;

        private readonly ContactDirectory _contacts = new ContactDirectory();
        private readonly Hashtable _callContacts = new Hashtable(); // SipCall -> CallContact, until the call is in the history
        private readonly Hashtable _lookupCache = new Hashtable();  // number -> Contact[] a lookup answered
        private readonly ArrayList _lookupOrder = new ArrayList();  // the cached numbers, oldest first
        private IContactLookup _contactLookup;
        private CallContact _choosing; // the call whose contact is being chosen, or null
        private int _chooseIndex;
        private int _chooseSoftkey;   // the call screen's softkey that shows "Pick" (0: none)

        /// <summary>Who a call's number belongs to, as far as the phone knows (a call on the phone, or a history entry).</summary>
        private sealed class CallContact
        {
            public SipCall Call;
            public CallRecord Record;
            public string Number;
            public Contact[] Matches = new Contact[0];
            public Contact Chosen;
            public bool LookingUp;
        }

        /// <summary>The contact directory read at boot.</summary>
        public ContactDirectory Contacts { get { return _contacts; } }

        /// <summary>What reading the contacts file at boot found (null when there was none).</summary>
        public ContactFileResult ContactsLoad { get; private set; }

        /// <summary>The lookup of numbers the directory does not know (null without "lookupUrl").</summary>
        public IContactLookup ContactLookup { get { return _contactLookup; } }

        /// <summary>True while the list to choose a call's contact from is on the screen.</summary>
        public bool ContactChoiceShown { get { return _choosing != null; } }

        /// <summary>The contacts <paramref name="call"/>'s number matched (empty when none, or before they are known).</summary>
        public Contact[] ContactMatches(SipCall call)
        {
            CallContact cc = _callContacts[call] as CallContact;
            return cc == null ? new Contact[0] : cc.Matches;
        }

        /// <summary>The contact <paramref name="call"/> belongs to: the one chosen, or the only match; null otherwise.</summary>
        public Contact ContactOf(SipCall call)
        {
            return ContactOf(_callContacts[call] as CallContact);
        }

        /// <summary>Reads the contacts file from storage (Phone.Boot); a bad entry is logged and skipped, the rest kept.</summary>
        private void LoadContacts()
        {
            string name = _config.ContactsFile;
            if (_config.ContactsLookup != null) _contactLookup = new HttpContactLookup(_hw.Network, _loop, _config.ContactsLookup, _hw.Log);
            byte[] data = _hw.Storage.Read(name);
            if (data == null) return;
            if (data.Length > 3 * ContactFile.MaxFileLength) // surely more characters than the reader takes: not worth decoding
            {
                _hw.Log.Write(LogLevel.Warning, "contacts", name + " is " + (data.Length / 1024).ToString() + " KB, more than a contacts file may be (" + (ContactFile.MaxFileLength / 1024).ToString() + " KB of text): no contacts read");
                return;
            }
            string text = data.Length == 0 ? "" : new string(System.Text.Encoding.UTF8.GetChars(data));
            data = null; // the bytes can go while the text is read
            ContactFileResult r = ContactFile.Read(name, text, _contacts);
            ContactsLoad = r;
            if (!r.Readable) _hw.Log.Write(LogLevel.Warning, "contacts", name + " is not a contacts file (firmware/Contacts/README.md), no contacts read:\n" + r.Errors.ToString());
            else if (r.Errors.Count > 0) _hw.Log.Write(LogLevel.Warning, "contacts", r.Skipped.ToString() + " entries of " + name + " skipped:\n" + r.Errors.ToString());
            _hw.Log.Write(LogLevel.Info, "contacts", r.Loaded.ToString() + " contacts read from " + name);
        }

        /// <summary>Phone.CallEvents.cs: a call rings here; its number is matched (and looked up when the directory has none).</summary>
        partial void OnCallAlerting(SipCall call)
        {
            MatchCall(call);
        }

        private CallContact MatchCall(SipCall call)
        {
            CallContact cc = _callContacts[call] as CallContact;
            if (cc != null) return cc;
            cc = new CallContact();
            cc.Call = call;
            cc.Number = call.RemoteParty == null ? null : PartyNumber(call);
            _callContacts[call] = cc;
            if (cc.Number == null) return cc;
            cc.Matches = _contacts.Match(cc.Number);
            if (cc.Matches.Length > 0 || _contactLookup == null || PhoneNumber.Normalise(cc.Number) == null) return cc;
            Contact[] cached = _lookupCache[cc.Number] as Contact[];
            if (cached != null) { cc.Matches = cached; return cc; }
            cc.LookingUp = true;
            _contactLookup.Lookup(cc.Number, ContactLookedUp); // answers later, on the loop: the ring does not wait
            return cc;
        }

        /// <summary>A lookup's answer: every call still waiting for that number gets it and the screen follows.</summary>
        private void ContactLookedUp(string number, Contact[] contacts, string failure)
        {
            if (failure == null)
            {
                if (_lookupCache[number] == null) _lookupOrder.Add(number);
                _lookupCache[number] = contacts;
                if (_lookupOrder.Count > LookupCacheSize) { _lookupCache.Remove(_lookupOrder[0]); _lookupOrder.RemoveAt(0); }
            }
            bool shown = false;
            foreach (DictionaryEntry e in _callContacts)
            {
                CallContact cc = (CallContact)e.Value;
                if (!cc.LookingUp || cc.Number != number) continue;
                cc.LookingUp = false;
                if (contacts != null) cc.Matches = contacts;
                if (cc.Call == _call) shown = true;
                if (contacts != null && contacts.Length > 0) _hw.Log.Write(LogLevel.Info, "contacts", number + " looked up: " + contacts[0].Shown + (contacts.Length > 1 ? " and " + (contacts.Length - 1).ToString() + " more" : ""));
            }
            if (shown) Redraw();
        }

        private static Contact ContactOf(CallContact cc)
        {
            if (cc == null) return null;
            if (cc.Chosen != null) return cc.Chosen;
            return cc.Matches.Length == 1 ? cc.Matches[0] : null;
        }

        /// <summary>True when a SIP display name says nothing a contact's name would not say better (none, or a number).</summary>
        private static bool NameIsNumber(string name)
        {
            return name == null || name.Length == 0 || PhoneNumber.Normalise(name) != null;
        }

        /// <summary>
        /// Hook (Phone.Calls.cs DrawCall, last before drawing): the contact's name replaces a missing or numeric
        /// display name, its company goes under it; several matches say "2 contacts" and offer "Pick".
        /// </summary>
        private void DecorateContact(CallModel m)
        {
            _chooseSoftkey = 0; // drawn anew: a slot another softkey took since is not "Pick"
            CallContact cc = MatchCall(_call); // outgoing calls are matched here, the first time their screen is drawn
            Contact c = ContactOf(cc);
            if (c != null)
            {
                if (NameIsNumber(_call.RemoteDisplayName) && m.Name == PartyName(_call)) m.Name = c.Name;
                m.Company = c.Company;
            }
            else if (cc.Matches.Length > 1)
            {
                m.Company = cc.Matches.Length.ToString() + " contacts";
            }
            if (cc.Matches.Length < 2 || IsScreening) return; // screening's softkeys are Take and End only
            if (m.Soft2 == null) { m.Soft2 = "Pick"; _chooseSoftkey = 2; }
            else if (m.Soft3 == null) { m.Soft3 = "Pick"; _chooseSoftkey = 3; }
        }

        /// <summary>
        /// True while the call on the phone matches several contacts and none is picked yet: the in-call
        /// "Rec" softkey gives its slot to "Pick" until then (the record key still records).
        /// </summary>
        private bool ContactPickWanted()
        {
            if (_call == null) return false;
            CallContact cc = _callContacts[_call] as CallContact;
            return cc != null && cc.Matches.Length > 1 && cc.Chosen == null;
        }

        /// <summary>Hook (Phone.Calls.cs CallSoftkey, first): "Pick" opens the list of the call's matches.</summary>
        private bool ContactSoftkey(int n)
        {
            if (n == 0 || n != _chooseSoftkey || _call == null) return false;
            CallContact cc = _callContacts[_call] as CallContact;
            if (cc == null || cc.Matches.Length < 2) return false;
            _choosing = cc;
            _chooseIndex = 0;
            for (int i = 0; i < cc.Matches.Length; i++) if (cc.Matches[i] == cc.Chosen) _chooseIndex = i;
            Redraw();
            return true;
        }

        /// <summary>Hook (Phone.Keys.cs KeyPressed, first): Up/Down move in the list, OK takes the contact, Back leaves.</summary>
        private bool ContactChoiceKey(int keyCode)
        {
            if (_choosing == null) return HistoryPickKey(keyCode);
            switch (keyCode)
            {
                case KeyCodes.Up: if (_chooseIndex > 0) { _chooseIndex--; Redraw(); } return true;
                case KeyCodes.Down: if (_chooseIndex < _choosing.Matches.Length - 1) { _chooseIndex++; Redraw(); } return true;
                case KeyCodes.Ok: case KeyCodes.Soft1: ChooseContact(); return true;
                case KeyCodes.Back: case KeyCodes.Soft1 + 3: _choosing = null; Redraw(); return true;
                case KeyCodes.Soft1 + 1: case KeyCodes.Soft1 + 2: return true;
            }
            return false;
        }

        private void ChooseContact()
        {
            Contact c = _choosing.Matches[_chooseIndex];
            _choosing.Chosen = c;
            CallRecord r = _choosing.Record;
            _choosing = null;
            _hw.Log.Write(LogLevel.Info, "contacts", "call with " + (c.Id != null ? c.Shown + " (" + c.Id + ")" : c.Shown) + " chosen");
            if (r != null)
            {
                if (NameIsNumber(r.Name) || r.Name == r.Contact) r.Name = c.Name;
                r.Contact = c.Name;
                r.Company = c.Company;
                SaveHistory(); // Phone.History.cs
            }
            Redraw();
        }

        /// <summary>Hook (Phone.Calls.cs DrawCall, first): the list to choose from replaces the call screen while open.</summary>
        private bool DrawContactChoice()
        {
            _chooseSoftkey = 0;
            if (_choosing == null) return false;
            if (_choosing.Call != _call) { _choosing = null; return false; }
            StopMarquee();
            DrawChoice();
            return true;
        }

        /// <summary>The list on the history screen's layout: the names, the selected one inverted, its company under them, "2/3".</summary>
        private void DrawChoice()
        {
            Contact[] list = _choosing.Matches;
            int first = _chooseIndex < HistoryView.Rows ? 0 : _chooseIndex - HistoryView.Rows + 1;
            int n = list.Length - first < HistoryView.Rows ? list.Length - first : HistoryView.Rows;
            HistoryModel m = new HistoryModel();
            m.Title = "Which contact?";
            m.Position = (_chooseIndex + 1).ToString() + "/" + list.Length.ToString();
            m.Names = new string[n];
            for (int i = 0; i < n; i++) m.Names[i] = list[first + i].Name;
            m.Selected = _chooseIndex - first;
            Contact selected = list[_chooseIndex];
            m.Detail = selected.Company != null ? selected.Company : selected.Id;
            m.Soft1 = "OK";
            m.Soft4 = "Back";
            HistoryView.Draw(_screen, m);
        }

        /// <summary>
        /// Hook (Phone.History.cs DrawHistory, last before drawing): the list to choose from replaces the
        /// history screen while open (true: drawn); otherwise a selected call whose number several contacts
        /// share gets "Pick" on a free softkey.
        /// </summary>
        private bool HistoryContactChoice(HistoryModel m, CallRecord[] items)
        {
            _chooseSoftkey = 0;
            if (_choosing != null && _choosing.Record != null) { DrawChoice(); return true; }
            if (_historyIndex >= items.Length || RecordMatches(items[_historyIndex]).Length < 2) return false;
            if (m.Soft3 == null) { m.Soft3 = "Pick"; _chooseSoftkey = 3; }
            return false;
        }

        /// <summary>"Pick" on the history screen (ContactChoiceKey, while no list is open): the selected call's contacts to choose from.</summary>
        private bool HistoryPickKey(int keyCode)
        {
            if (Mode != PhoneMode.History || _chooseSoftkey == 0 || keyCode != KeyCodes.Soft1 + _chooseSoftkey - 1) return false;
            CallRecord[] items = _history.Select(_historyFilter);
            if (_historyIndex >= items.Length) return false;
            CallRecord r = items[_historyIndex];
            Contact[] matches = RecordMatches(r);
            if (matches.Length < 2) return false;
            CallContact cc = new CallContact();
            cc.Record = r;
            cc.Number = r.Number;
            cc.Matches = matches;
            _chooseIndex = 0;
            for (int i = 0; i < matches.Length; i++) if (matches[i].Name == r.Contact && matches[i].Company == r.Company) _chooseIndex = i;
            _choosing = cc;
            Redraw();
            return true;
        }

        /// <summary>The contacts a history entry's number matches: the directory's, else a lookup's kept answer.</summary>
        private Contact[] RecordMatches(CallRecord r)
        {
            if (r.Number == null) return new Contact[0];
            Contact[] found = _contacts.Match(r.Number);
            if (found.Length > 0) return found;
            Contact[] cached = _lookupCache[r.Number] as Contact[];
            return cached != null ? cached : found;
        }

        /// <summary>Hook (Phone.History.cs RecordOf): the call's contact (chosen, or the only match) goes on its history entry.</summary>
        private void ContactRecord(SipCall call, CallRecord r)
        {
            CallContact cc = _callContacts[call] as CallContact;
            _callContacts.Remove(call);
            if (_choosing == cc) _choosing = null;
            Contact c = ContactOf(cc);
            if (c == null) return;
            r.Contact = c.Name;
            r.Company = c.Company;
            if (NameIsNumber(r.Name)) r.Name = c.Name; // the history list shows the contact, not a bare number
        }
    }
}
