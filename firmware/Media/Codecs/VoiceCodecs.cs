// The codec registry: a new IVoiceCodec for each call, by its SDP encoding name.
using DeskPhone.Firmware.Media.Sdp;

namespace DeskPhone.Firmware.Media.Codecs
{
    /// <summary>
    /// The voice codecs this firmware plays, by RTP encoding name (STYLE.md #11: plug-ins by registry).
    /// Each call gets its own instance: G.722 keeps state between frames.
    /// </summary>
    public static class VoiceCodecs
    {
        /// <summary>A fresh codec for <paramref name="name"/> (PCMU, PCMA, G722; any case), or null for one we lack.</summary>
        public static IVoiceCodec Create(string name)
        {
            if (name == null) return null;
            if (SdpText.SameIgnoringCase(name, "PCMU")) return new G711Codec(false);
            if (SdpText.SameIgnoringCase(name, "PCMA")) return new G711Codec(true);
            if (SdpText.SameIgnoringCase(name, "G722")) return new G722Codec();
            return null;
        }

        /// <summary>
        /// True when <paramref name="codec"/> (from SDP) is one we can encode and decode at its rates (all
        /// three on the 8000 Hz RTP clock; G.722 at 16 kHz audio). Asked on every media update: allocates nothing.
        /// </summary>
        public static bool Plays(SdpCodec codec)
        {
            if (codec == null || codec.IsTelephoneEvent || codec.ClockRate != 8000) return false;
            string name = codec.Name;
            if (SdpText.SameIgnoringCase(name, "PCMU") || SdpText.SameIgnoringCase(name, "PCMA")) return codec.SampleRate == 8000;
            if (SdpText.SameIgnoringCase(name, "G722")) return codec.SampleRate == 16000;
            return false;
        }
    }
}
