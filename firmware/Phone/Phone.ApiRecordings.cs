// The control API's recordings: the list with each recording's call, a download streamed from storage, and deletion.
using System.Text;
using DeskPhone.Firmware.Crm;
using DeskPhone.Firmware.History;
using DeskPhone.Firmware.Http;
using DeskPhone.Firmware.Json;
using DeskPhone.Firmware.Media.Recording;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Phone
{
    public sealed partial class Phone
    {
        /// <summary>Longest file name the API takes in /api/recordings/{file}.</summary>
        public const int MaxApiFileName = 64;

        private const string NoDownload = "the office does not allow taking recordings off this phone (device file: recording.download is false)";

        /// <summary>GET /api/recordings: the policy and every recording (newest first) with its size, length and call.</summary>
        internal string ApiRecordingsJson()
        {
            RecordingEntry[] all = Recordings;
            StringBuilder list = new StringBuilder("[");
            for (int i = 0; i < all.Length; i++)
            {
                if (i > 0) list.Append(',');
                list.Append(ApiRecordingJson(all[i]));
            }
            list.Append(']');
            return new JsonWriter()
                .Field("mode", DeskPhone.Firmware.Config.RecordingPolicy.ModeName(_config.Recording.Mode))
                .Field("download", _config.Recording.Download)
                .Field("recording", IsRecording)
                .Raw("recordings", list.ToString())
                .Close();
        }

        private string ApiRecordingJson(RecordingEntry r)
        {
            bool open = IsOpenRecording(r.Name);
            return new JsonWriter()
                .Field("file", r.Name.Substring(RecordingFolder.Length))
                .Field("name", r.Name)
                .Field("bytes", r.Bytes)
                .Raw("seconds", SecondsOf(r.Name, r.Bytes))
                .Field("screened", r.Screened)
                .Field("inProgress", open)
                .Raw("call", r.Call == null ? null : CallEvents.RecordJson(r.Call))
                .Close();
        }

        /// <summary>The audio's length from the WAV header's rate and the file's size ("12.34"), or "0" when the header is not one of ours.</summary>
        private string SecondsOf(string name, int bytes)
        {
            byte[] head = new byte[WavHeader.Size];
            if (bytes < WavHeader.Size || _hw.Storage.ReadAt(name, 0, head, 0, head.Length) != head.Length) return "0";
            int rate = WavHeader.ReadInt32(head, 24);
            if (head[0] != 'R' || head[1] != 'I' || head[8] != 'W' || rate <= 0 || rate > 48000) return "0";
            long hundredths = (long)(bytes - WavHeader.Size) * 100 / 2 / rate;
            long cents = hundredths % 100;
            return (hundredths / 100).ToString() + (cents < 10 ? ".0" : ".") + cents.ToString();
        }

        /// <summary>True when <paramref name="name"/> is the file the recorder is writing (its sizes are not final).</summary>
        private bool IsOpenRecording(string name)
        {
            return _recordingCall != null && _recorder != null && _recorder.Name == name;
        }

        /// <summary>
        /// GET /api/recordings/{file}: the WAV as a body read from storage in pieces, or an error status
        /// (400 a bad name, 403 the policy forbids downloads, 404 none, 409 still being written, 410 deleted).
        /// </summary>
        internal int ApiRecordingFile(string file, out IHttpBodySource body, out string error)
        {
            body = null;
            string name;
            int status = ApiFindRecording(file, out name, out error);
            if (status != 200) return status;
            StorageFileBody opened = StorageFileBody.Open(_hw.Storage, name);
            if (opened == null) { error = "no recording '" + file + "'"; return 404; }
            _hw.Log.Write(LogLevel.Info, "api", "recording " + name + " downloaded (" + opened.Length.ToString() + " bytes)");
            body = opened;
            return 200;
        }

        /// <summary>DELETE /api/recordings/{file}: removes the WAV (same refusals as the download); the history entry keeps its name.</summary>
        internal int ApiDeleteRecording(string file, out string error)
        {
            string name;
            int status = ApiFindRecording(file, out name, out error);
            if (status != 200) return status;
            if (!_hw.Storage.Delete(name)) { error = "'" + file + "' could not be deleted"; return 500; }
            _hw.Log.Write(LogLevel.Info, "api", "recording " + name + " deleted through the API");
            return 200;
        }

        private int ApiFindRecording(string file, out string name, out string error)
        {
            name = null;
            error = null;
            if (!IsRecordingFileName(file)) { error = "'" + HttpHead.Shown(file) + "' is not a recording file name (like 20261123-090500-202.wav)"; return 400; }
            if (!_config.Recording.Download) { error = NoDownload; return 403; }
            string full = RecordingFolder + file;
            if (_hw.Storage.Length(full) < 0)
            {
                if (HistoryNames(full)) { error = "recording '" + file + "' was deleted; its call stays in the history"; return 410; }
                error = "no recording '" + file + "'";
                return 404;
            }
            if (IsOpenRecording(full)) { error = "'" + file + "' is still being recorded; try again after the call"; return 409; }
            name = full;
            return 200;
        }

        private bool HistoryNames(string name)
        {
            CallRecord[] calls = _history.Select(HistoryFilter.All);
            for (int i = 0; i < calls.Length; i++) if (calls[i].Recording == name) return true;
            return false;
        }

        /// <summary>A plain file name under rec/: letters, digits, '-', '_', '.', ending ".wav", no path, not hidden.</summary>
        internal static bool IsRecordingFileName(string file)
        {
            if (file == null || file.Length < 5 || file.Length > MaxApiFileName || file[0] == '.') return false;
            for (int i = 0; i < file.Length; i++)
            {
                char c = file[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
                if (!ok) return false;
            }
            return file.IndexOf("..") < 0 && file.Substring(file.Length - 4) == ".wav";
        }
    }
}
