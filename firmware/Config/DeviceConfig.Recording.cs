// The recording policy and the screening greeting of a device file ("recording", "screening").
namespace DeskPhone.Firmware.Config
{
    public sealed partial class DeviceConfig
    {
        private RecordingPolicy _recording;

        /// <summary>The file's "recording" and "screening", or <see cref="RecordingPolicy.Default"/>.</summary>
        public RecordingPolicy Recording { get { return _recording != null ? _recording : RecordingPolicy.Default; } }

        internal DeviceConfig WithRecording(RecordingPolicy policy)
        {
            _recording = policy;
            return this;
        }
    }
}
