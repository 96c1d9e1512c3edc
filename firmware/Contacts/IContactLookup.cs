// Asking somewhere else (a CRM) whose a number is, when the directory does not know.
namespace DeskPhone.Firmware.Contacts
{
    /// <summary>
    /// The answer to a lookup, on the event loop: the contacts found for <paramref name="number"/>
    /// (possibly none) when <paramref name="failure"/> is null, else why there is no answer
    /// ("timed out after 2000 ms", "HTTP 404").
    /// </summary>
    public delegate void ContactLookupDone(string number, Contact[] contacts, string failure);

    /// <summary>
    /// Looks a number up somewhere slower than the directory. Started on the loop, answers once on
    /// the loop (never inside <see cref="Lookup"/>), within its own timeout.
    /// </summary>
    public interface IContactLookup
    {
        /// <summary>Starts a lookup of <paramref name="number"/>; <paramref name="done"/> runs once with the result.</summary>
        void Lookup(string number, ContactLookupDone done);
    }
}
