// The control API's recording endpoints: GET /api/recordings, GET and DELETE /api/recordings/{file}.
using DeskPhone.Firmware.Http;

namespace DeskPhone.Firmware.Phone
{
    internal sealed partial class ControlApi
    {
        private const string RecordingsPath = "/api/recordings";

        /// <summary>Answers the recording paths; false for any other path.</summary>
        private bool Recordings(string path, HttpRequest request, HttpResponse response)
        {
            if (path == RecordingsPath || path == RecordingsPath + "/")
            {
                if (Method(request, response, "GET")) response.Json(200, _phone.ApiRecordingsJson());
                return true;
            }
            if (!path.StartsWith(RecordingsPath + "/")) return false;
            string file = path.Substring(RecordingsPath.Length + 1);
            if (!Method(request, response, "GET", "DELETE")) return true;
            string error;
            if (request.Method == "DELETE")
            {
                int deleted = _phone.ApiDeleteRecording(file, out error);
                if (deleted != 200) { response.Error(deleted, error); return true; }
                response.Json(200, "{\"ok\":true,\"deleted\":" + Json.JsonWriter.Quote(file) + "}");
                return true;
            }
            IHttpBodySource body;
            int status = _phone.ApiRecordingFile(file, out body, out error);
            if (status != 200) { response.Error(status, error); return true; }
            response.Headers.Add("Content-Disposition", "attachment; filename=\"" + file + "\"");
            response.Stream(200, "audio/wav", body);
            return true;
        }
    }
}
