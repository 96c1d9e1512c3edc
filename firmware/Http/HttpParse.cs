// What a parser's Next gives back.
namespace DeskPhone.Firmware.Http
{
    /// <summary>The result of <see cref="HttpRequestParser.Next"/>.</summary>
    public enum HttpParse
    {
        /// <summary>No whole request yet: feed more bytes.</summary>
        NeedMore = 0,
        /// <summary>A request is ready.</summary>
        Request = 1,
        /// <summary>The input is refused; the connection must be answered with the error status and closed.</summary>
        Error = 2
    }
}
