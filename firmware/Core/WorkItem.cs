// A unit of work for the event loop.
namespace DeskPhone.Firmware.Core
{
    /// <summary>Work that runs on the event-loop thread, with the phone's state to itself.</summary>
    public delegate void WorkItem();
}
