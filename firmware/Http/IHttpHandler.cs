// What answers requests on the phone's HTTP server.
namespace DeskPhone.Firmware.Http
{
    /// <summary>Answers one request, on the event loop, synchronously.</summary>
    public interface IHttpHandler
    {
        /// <summary>Fills in <paramref name="response"/> for <paramref name="request"/>. An exception becomes a 500.</summary>
        void Handle(HttpRequest request, HttpResponse response);
    }
}
