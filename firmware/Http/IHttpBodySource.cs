// A response body the server pulls in pieces, so a long one (a recording) is never held in RAM.
namespace DeskPhone.Firmware.Http
{
    /// <summary>
    /// A body whose length is known up front (it is the Content-Length) and whose bytes are read
    /// piece by piece as the connection drains (<see cref="HttpServer.PieceBytes"/> at a time).
    /// </summary>
    public interface IHttpBodySource
    {
        /// <summary>The body's length in bytes.</summary>
        int Length { get; }

        /// <summary>
        /// Copies up to <paramref name="count"/> bytes from <paramref name="position"/> into
        /// <paramref name="buffer"/>; returns how many (0 or less when the body can no longer be read:
        /// the server then cuts the connection, since the promised length cannot be kept).
        /// </summary>
        int Read(int position, byte[] buffer, int offset, int count);
    }
}
