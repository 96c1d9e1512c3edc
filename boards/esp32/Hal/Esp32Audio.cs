// The codec on the ESP32's I2S bus: 20 ms frames of 16-bit mono PCM in and out, on a media thread.
using System;
using System.Device.Gpio;
using System.Device.I2s;
using System.Threading;
using DeskPhone.Firmware.Config.Board;
using DeskPhone.Hal;

namespace DeskPhone.Boards.Esp32
{
    /// <summary>
    /// I2S bus 1 as master (MCLK, BCLK, LRCK from the ESP32), 16-bit stereo frames; the microphone is
    /// the left channel, the speaker frame goes to both. A media thread reads one 20 ms frame (the
    /// read returns when the codec's clock has delivered it, which paces the loop), calls the handler
    /// and writes the answer. Buffers are allocated in <see cref="Start"/>, never in the loop.
    /// ES8388 boards are initialised over I2C; a PCM5102 needs no control port (and has no microphone).
    /// </summary>
    public sealed class Esp32Audio : IAudioCodec
    {
        private const int I2sBus = 1;

        private readonly CodecSpec _codec;
        private readonly DisplaySpec _i2cBus;
        private readonly ILog _log;
        private readonly GpioPin _amplifier;
        private readonly object _gate = new object();
        private Es8388 _es8388;
        private bool _codecReady;
        private I2sDevice _i2s;
        private Thread _thread;
        private bool _running;
        private int _sampleRate;
        private int _volume = 5;
        private AudioRoute _route = AudioRoute.Handset;
        private AudioFrameHandler _onFrame;
        private short[] _microphone;
        private short[] _speaker;
        private byte[] _rx;
        private byte[] _tx;

        /// <summary>
        /// The codec of <paramref name="codec"/>; its control port is on the display's I2C bus
        /// (<paramref name="i2cBus"/>). Opens the amplifier-enable pin (off) if the board has one.
        /// </summary>
        public Esp32Audio(CodecSpec codec, DisplaySpec i2cBus, GpioController gpio, ILog log)
        {
            _codec = codec;
            _i2cBus = i2cBus;
            _log = log;
            if (codec.PaEnablePin >= 0)
            {
                _amplifier = gpio.OpenPin(codec.PaEnablePin, PinMode.Output);
                _amplifier.Write(PinValue.Low);
            }
        }

        /// <inheritdoc/>
        public bool IsRunning
        {
            get { lock (_gate) { return _running; } }
        }

        /// <inheritdoc/>
        public int SampleRate
        {
            get { lock (_gate) { return _running ? _sampleRate : 0; } }
        }

        /// <inheritdoc/>
        public bool Start(int sampleRateHz, AudioFrameHandler onFrame)
        {
            if ((sampleRateHz != 8000 && sampleRateHz != 16000) || onFrame == null) return false;
            Stop();
            if (!PrepareCodec()) return false;
            int samples = sampleRateHz / 50;
            lock (_gate)
            {
                _microphone = new short[samples];
                _speaker = new short[samples];
                _rx = new byte[samples * 4];
                _tx = new byte[samples * 4];
                Esp32Pins.UseI2s(_codec);
                I2sConnectionSettings settings = new I2sConnectionSettings(I2sBus);
                settings.Mode = HasMicrophone ? I2sMode.Master | I2sMode.Rx | I2sMode.Tx : I2sMode.Master | I2sMode.Tx;
                settings.SampleRate = sampleRateHz;
                settings.BitsPerSample = I2sBitsPerSample.Bit16;
                settings.ChannelFormat = I2sChannelFormat.RightLeft;
                settings.CommunicationFormat = I2sCommunicationFormat.I2S;
                try
                {
                    _i2s = new I2sDevice(settings);
                }
                catch (Exception e)
                {
                    _log.Write(LogLevel.Error, "audio", "cannot open I2S: " + e.Message);
                    return false;
                }
                _sampleRate = sampleRateHz;
                _onFrame = onFrame;
                _running = true;
                _thread = new Thread(Pump);
                _thread.Priority = ThreadPriority.Highest;
                _thread.Start();
            }
            ApplyRoute();
            return true;
        }

        /// <inheritdoc/>
        public void Stop()
        {
            Thread thread;
            lock (_gate)
            {
                if (!_running) return;
                _running = false;
                thread = _thread;
                _thread = null;
            }
            if (thread != null && thread != Thread.CurrentThread) thread.Join();
            I2sDevice i2s;
            lock (_gate)
            {
                i2s = _i2s;
                _i2s = null;
            }
            if (i2s != null) i2s.Dispose();
            if (_amplifier != null) _amplifier.Write(PinValue.Low);
        }

        /// <inheritdoc/>
        public void SetRoute(AudioRoute route)
        {
            lock (_gate)
            {
                _route = route;
            }
            ApplyRoute();
        }

        /// <inheritdoc/>
        public void SetVolume(int level)
        {
            _volume = level < 0 ? 0 : level > 10 ? 10 : level;
            if (_es8388 != null && _codecReady) _es8388.SetOutputVolume(_volume);
        }

        private bool HasMicrophone { get { return _codec.DataIn >= 0; } }

        /// <summary>Powers the codec up the first time audio starts.</summary>
        private bool PrepareCodec()
        {
            if (_codecReady) return true;
            if (_codec.Chip == CodecChips.Pcm5102)
            {
                _codecReady = true;
                return true;
            }
            if (_codec.Chip != CodecChips.Es8388)
            {
                _log.Write(LogLevel.Error, "audio", "codec " + _codec.Chip + " is not supported by the ESP32 backend (es8388 and pcm5102 are)");
                return false;
            }
            Esp32Pins.UseI2c(_i2cBus);
            _es8388 = new Es8388(_i2cBus.I2cBus, _codec.I2cAddress);
            if (!_es8388.PowerUpForTelephony() || !_es8388.SetOutputVolume(_volume))
            {
                _log.Write(LogLevel.Error, "audio", "the ES8388 at I2C address " + _codec.I2cAddress.ToString() + " does not answer");
                return false;
            }
            _codecReady = true;
            return true;
        }

        /// <summary>The amplifier (speaker) is on only for the speaker route while audio runs; handset and headset use the jack.</summary>
        private void ApplyRoute()
        {
            if (_amplifier == null) return;
            bool on;
            lock (_gate)
            {
                on = _running && _route == AudioRoute.Speaker;
            }
            _amplifier.Write(on ? PinValue.High : PinValue.Low);
        }

        /// <summary>The media thread: read a frame, hand it over, write the answer; no allocation in the loop.</summary>
        private void Pump()
        {
            I2sDevice i2s;
            AudioFrameHandler onFrame;
            short[] microphone;
            short[] speaker;
            byte[] rx;
            byte[] tx;
            lock (_gate)
            {
                i2s = _i2s;
                onFrame = _onFrame;
                microphone = _microphone;
                speaker = _speaker;
                rx = _rx;
                tx = _tx;
            }
            bool listening = HasMicrophone;
            int samples = microphone.Length;
            bool reported = false;
            while (IsRunning)
            {
                try
                {
                    if (listening)
                    {
                        i2s.Read(new SpanByte(rx));
                        for (int i = 0; i < samples; i++)
                        {
                            microphone[i] = (short)(rx[4 * i] | (rx[4 * i + 1] << 8));
                        }
                    }
                    onFrame(microphone, speaker);
                    for (int i = 0; i < samples; i++)
                    {
                        short s = speaker[i];
                        byte low = (byte)s;
                        byte high = (byte)(s >> 8);
                        tx[4 * i] = low;
                        tx[4 * i + 1] = high;
                        tx[4 * i + 2] = low;
                        tx[4 * i + 3] = high;
                    }
                    i2s.Write(new SpanByte(tx));
                }
                catch (Exception e)
                {
                    if (!reported)
                    {
                        reported = true;
                        _log.Write(LogLevel.Error, "audio", "media thread: " + e.Message);
                    }
                    Thread.Sleep(20); // a broken bus must not spin the highest-priority thread

                }
            }
        }
    }
}
