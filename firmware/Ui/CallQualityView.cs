// The call-quality screen: codec, loss, jitter and round trip of the call in progress, both directions.
using DeskPhone.Firmware.Media.Rtcp;

namespace DeskPhone.Firmware.Ui
{
    /// <summary>What the call-quality screen shows (filled by the phone once a second).</summary>
    public sealed class CallQualityModel
    {
        /// <summary>"G722", "PCMU"...</summary>
        public string Codec;
        /// <summary>The figures from RTCP and the receive statistics.</summary>
        public CallQuality Quality;
        /// <summary>The jitter buffer's playout delay now, ms.</summary>
        public int BufferMs;
        /// <summary>Frames concealed in this call.</summary>
        public long Concealed;
    }

    /// <summary>
    /// Draws the quality of the current call (opened with a long press of OK in a call, closed with
    /// Back or OK): our reception (loss, jitter, concealed frames, buffer) and the far end's view of
    /// our stream from its RTCP reports, and the round trip. Unknown figures show as "-".
    /// </summary>
    public static class CallQualityView
    {
        /// <summary>Draws it and flushes the changed pages.</summary>
        public static void Draw(Screen screen, CallQualityModel m)
        {
            int w = screen.Frame.Width;
            CallQuality q = m.Quality;
            screen.Begin();
            screen.Text(Screen.Small, 0, 0, w, "Call quality  " + (m.Codec ?? "-"));
            screen.Rule(9);
            screen.Text(Screen.Small, 0, 12, w, "In : loss " + q.FractionLostPercent.ToString() + "% (" + q.PacketsLost.ToString() + ") jit " + q.JitterMs.ToString() + "ms");
            screen.Text(Screen.Small, 0, 21, w, "     buffer " + m.BufferMs.ToString() + "ms, hid " + m.Concealed.ToString());
            string far = q.HasFarReport
                ? "Out: loss " + q.FarFractionLostPercent.ToString() + "% (" + q.FarPacketsLost.ToString() + ") jit " + q.FarJitterMs.ToString() + "ms"
                : "Out: no report yet";
            screen.Text(Screen.Small, 0, 30, w, far);
            screen.Text(Screen.Small, 0, 39, w, "Round trip " + (q.RoundTripMs < 0 ? "-" : q.RoundTripMs.ToString() + "ms") + "  pkts " + q.PacketsReceived.ToString());
            Softkeys.Draw(screen, null, null, null, "Back");
            screen.End();
        }
    }
}
