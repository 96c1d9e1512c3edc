// Reads device.json and board.json from internal storage and checks both before anything starts.
using System.Text;
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Config.Board;
using DeskPhone.Hal;

namespace DeskPhone.Boards.Esp32
{
    /// <summary>
    /// The two files the provisioning bundle puts on the device (I:\device.json, I:\board.json), loaded
    /// with the portable loaders. The board file must hold the profile the device file names
    /// (device.board), so a bundle with the wrong profile is refused. Every error is logged with file,
    /// line, column and field.
    /// </summary>
    public static class BootFiles
    {
        /// <summary>Storage name of the device file.</summary>
        public const string DeviceFile = "device.json";

        /// <summary>Storage name of the board profile.</summary>
        public const string BoardFile = BoardProfileLoader.DeployedFileName;

        /// <summary>True with both set when both files are there and valid and the board is an ESP32 one.</summary>
        public static bool TryLoad(IStorage storage, ILog log, out DeviceConfig config, out BoardProfile board)
        {
            config = null;
            board = null;
            string deviceText = ReadText(storage, DeviceFile);
            string boardText = ReadText(storage, BoardFile);
            if (deviceText == null || boardText == null)
            {
                log.Write(LogLevel.Error, "boot", "missing " + (deviceText == null ? DeviceFile : BoardFile)
                    + " in internal storage (I:\\): deploy the bundle 'deskphone-provision bundle' made (boards/esp32/README.md)");
                return false;
            }
            ConfigErrors errors;
            if (!DeviceConfigLoader.TryLoad(DeviceFile, deviceText, out config, out errors))
            {
                LogErrors(log, errors);
                return false;
            }
            if (!BoardProfileLoader.TryLoad(BoardFile, boardText, out board, out errors))
            {
                LogErrors(log, errors);
                config = null;
                return false;
            }
            if (board.Name != config.Device.Board)
            {
                log.Write(LogLevel.Error, "boot", BoardFile + " holds profile '" + board.Name + "' but " + DeviceFile + " names board '" + config.Device.Board + "'");
                config = null;
                board = null;
                return false;
            }
            if (board.Backend != BoardBackends.Esp32)
            {
                log.Write(LogLevel.Error, "boot", "board profile '" + board.Name + "' is for backend " + board.Backend + ", not esp32");
                config = null;
                board = null;
                return false;
            }
            return true;
        }

        private static string ReadText(IStorage storage, string name)
        {
            byte[] data = storage.Read(name);
            return data == null ? null : new string(Encoding.UTF8.GetChars(data));
        }

        private static void LogErrors(ILog log, ConfigErrors errors)
        {
            for (int i = 0; i < errors.Count; i++)
            {
                log.Write(LogLevel.Error, "config", errors[i].ToString());
            }
        }
    }
}
