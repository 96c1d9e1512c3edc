// The ES8388 codec's control port: power-up as an I2S slave with 16-bit samples, output volume, mute.
using System;
using System.Device.I2c;

namespace DeskPhone.Boards.Esp32
{
    /// <summary>
    /// Register writes for the Everest ES8388 over I2C. The ESP32 is the I2S master and sends MCLK at
    /// 256 x the sample rate; the codec runs as a slave, ADC from LINPUT1/RINPUT1 (the boards'
    /// microphones), DAC to both output pairs (LOUT1/ROUT1 headphone, LOUT2/ROUT2 to the amplifier).
    /// Register numbers and bit meanings are the ES8388 datasheet's; the order (mute, power, format,
    /// mixers, unmute) matches the power-up order Espressif's ESP-ADF driver uses on the LyraT.
    /// </summary>
    public sealed class Es8388
    {
        // Register addresses (datasheet names).
        private const byte Control1 = 0x00;
        private const byte Control2 = 0x01;
        private const byte ChipPower = 0x02;
        private const byte AdcPower = 0x03;
        private const byte DacPower = 0x04;
        private const byte MasterMode = 0x08;
        private const byte AdcControl1 = 0x09;
        private const byte AdcControl2 = 0x0A;
        private const byte AdcControl3 = 0x0B;
        private const byte AdcControl4 = 0x0C;
        private const byte AdcControl5 = 0x0D;
        private const byte AdcVolumeLeft = 0x10;
        private const byte AdcVolumeRight = 0x11;
        private const byte DacControl1 = 0x17;
        private const byte DacControl2 = 0x18;
        private const byte DacControl3 = 0x19;
        private const byte DacVolumeLeft = 0x1A;
        private const byte DacVolumeRight = 0x1B;
        private const byte DacControl16 = 0x26;
        private const byte DacControl17 = 0x27;
        private const byte DacControl20 = 0x2A;
        private const byte DacControl21 = 0x2B;
        private const byte DacControl23 = 0x2D;
        private const byte Lout1Volume = 0x2E;
        private const byte Rout1Volume = 0x2F;
        private const byte Lout2Volume = 0x30;
        private const byte Rout2Volume = 0x31;

        /// <summary>Output volume register value for 0 dB (the registers go 0 = -45 dB to 0x21 = +4.5 dB).</summary>
        public const int OutputVolumeMax = 0x1E;

        /// <summary>The power-up sequence: (register, value) pairs.</summary>
        private static readonly byte[] PowerUp =
        {
            DacControl3, 0x04,    // mute the DAC while setting up
            Control2, 0x50,       // analog reference and bias: normal (not low-power) operation
            ChipPower, 0x00,      // every block powered, state machines running
            MasterMode, 0x00,     // I2S slave: the ESP32 drives BCLK and LRCK
            DacPower, 0xC0,       // DAC and outputs off while the format is set
            Control1, 0x12,       // play and record mode, VMID divider on
            DacControl1, 0x18,    // DAC: I2S format, 16-bit samples
            DacControl2, 0x02,    // DAC: single speed, MCLK/LRCK = 256
            DacControl16, 0x00,   // mixer inputs: LIN1/RIN1 (not routed to the output below)
            DacControl17, 0x90,   // left DAC to left mixer, 0 dB
            DacControl20, 0x90,   // right DAC to right mixer, 0 dB
            DacControl21, 0x80,   // ADC and DAC share LRCK (one clock from the ESP32)
            DacControl23, 0x00,   // VROI default
            DacVolumeLeft, 0x00,  // digital DAC volume 0 dB
            DacVolumeRight, 0x00,
            DacPower, 0x3C,       // LOUT1, ROUT1, LOUT2, ROUT2 on
            AdcPower, 0xFF,       // ADC off while it is set up
            AdcControl1, 0xBB,    // microphone PGA +24 dB left and right
            AdcControl2, 0x00,    // ADC input: LINPUT1/RINPUT1
            AdcControl3, 0x02,    // default mono/differential settings
            AdcControl4, 0x0D,    // ADC: I2S format, 16-bit samples, left/right normal
            AdcControl5, 0x02,    // ADC: single speed, MCLK/LRCK = 256
            AdcVolumeLeft, 0x00,  // digital ADC volume 0 dB
            AdcVolumeRight, 0x00,
            AdcPower, 0x09,       // ADC and inputs on, microphone bias off, low-power input stage
            DacControl3, 0x00     // unmute
        };

        private readonly I2cDevice _i2c;
        private readonly byte[] _write = new byte[2];

        /// <summary>The codec at 7-bit address <paramref name="address"/> on I2C bus <paramref name="bus"/> (pins already routed).</summary>
        public Es8388(int bus, int address)
        {
            _i2c = new I2cDevice(new I2cConnectionSettings(bus, address));
        }

        /// <summary>Runs the power-up sequence; false when the codec did not acknowledge a write.</summary>
        public bool PowerUpForTelephony()
        {
            for (int i = 0; i < PowerUp.Length; i += 2)
            {
                if (!Write(PowerUp[i], PowerUp[i + 1])) return false;
            }
            return true;
        }

        /// <summary>Output volume 0 (silent) to 10 (0 dB) on both output pairs.</summary>
        public bool SetOutputVolume(int level)
        {
            if (level < 0) level = 0;
            if (level > 10) level = 10;
            byte value = (byte)(level * OutputVolumeMax / 10);
            return Write(Lout1Volume, value) && Write(Rout1Volume, value) && Write(Lout2Volume, value) && Write(Rout2Volume, value);
        }

        /// <summary>Mutes or unmutes the DAC.</summary>
        public bool SetMute(bool mute)
        {
            return Write(DacControl3, (byte)(mute ? 0x04 : 0x00));
        }

        /// <summary>Powers the chip down (ADC and DAC off, outputs off).</summary>
        public bool PowerDown()
        {
            return Write(DacControl3, 0x04) && Write(DacPower, 0xC0) && Write(AdcPower, 0xFF);
        }

        private bool Write(byte register, byte value)
        {
            _write[0] = register;
            _write[1] = value;
            I2cTransferResult result = _i2c.Write(new SpanByte(_write));
            return result.Status == I2cTransferStatus.FullTransfer;
        }
    }
}
