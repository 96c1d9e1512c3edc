// What the adaptive jitter buffer tells the playout tick to do with the next 20 ms.
namespace DeskPhone.Firmware.Media.Rtp
{
    /// <summary>The outcome of <see cref="AdaptiveJitterBuffer.Take"/>.</summary>
    public enum JitterResult
    {
        /// <summary>
        /// No frame this tick: nothing received yet, still filling up to the target, ran dry, or
        /// holding back one tick to grow the delay. Conceal (or play silence before any audio).
        /// </summary>
        Empty,

        /// <summary>Play the returned payload (one frame's worth of bytes).</summary>
        Packet,

        /// <summary>This frame's packet never came in time: conceal one frame.</summary>
        Lost,

        /// <summary>
        /// A frame taken out to cut the delay. Decode the returned payload if there is one (count
        /// may be 0: a lost frame) to keep the decoder's state, do not play it, tell the concealer
        /// about the join, and call Take again in the same tick.
        /// </summary>
        Drop,
    }
}
