// What the idle screen shows.
namespace DeskPhone.Firmware.Ui
{
    /// <summary>The facts the idle screen shows, filled in by the phone.</summary>
    public sealed class IdleModel
    {
        /// <summary>The phone's name ("Reception").</summary>
        public string Name;
        /// <summary>Its extension ("201").</summary>
        public string Extension;
        /// <summary>Registration in words ("Registered", "Not registered").</summary>
        public string Registration;
        /// <summary>The time as shown ("09:05").</summary>
        public string Time;
        /// <summary>Labels of the line keys on the page, in key order (null = unassigned).</summary>
        public string[] KeyLabels;
        /// <summary>Do not disturb is on.</summary>
        public bool Dnd;
        /// <summary>The page shown, from 1.</summary>
        public int Page;
        /// <summary>How many pages there are.</summary>
        public int Pages;
        /// <summary>A transient message, or null.</summary>
        public string Message;
        /// <summary>News shown in place of the registration ("2 missed", "3 new voicemails"), or null.</summary>
        public string Notice;
        /// <summary>Labels of softkeys 3 and 4 ("Calls", "Menu"), or null.</summary>
        public string Soft3, Soft4;
    }
}
