// The control API's HTTP handler: who may call (allow-list, bearer token), which endpoint, and the JSON answers.
using DeskPhone.Firmware.Config;
using DeskPhone.Firmware.Crm;
using DeskPhone.Firmware.Http;
using DeskPhone.Firmware.Json;
using DeskPhone.Hal;

namespace DeskPhone.Firmware.Phone
{
    /// <summary>
    /// Answers /api/... on the loop (README.md, "Control API"). A caller outside the allow-list gets
    /// 403, a request without the right bearer token 401 (the token compared in constant time); then
    /// each endpoint calls the phone, which acts as its keys would.
    /// </summary>
    internal sealed partial class ControlApi : IHttpHandler
    {
        private readonly Phone _phone;
        private readonly ApiSettings _settings;

        public ControlApi(Phone phone, ApiSettings settings)
        {
            _phone = phone;
            _settings = settings;
        }

        public void Handle(HttpRequest request, HttpResponse response)
        {
            if (!_settings.Allow.Allows(request.RemoteAddress))
            {
                response.Error(403, "address " + request.RemoteAddress + " is not allowed to use the API");
                return;
            }
            if (!Authorized(request.Headers.Get("Authorization")))
            {
                response.Headers.Add("WWW-Authenticate", "Bearer realm=\"phone\"");
                response.Error(401, "missing or wrong bearer token");
                return;
            }
            string path = request.Path;
            if (Recordings(path, request, response)) return; // ControlApi.Recordings.cs
            if (path == "/api/status") { if (Method(request, response, "GET")) response.Json(200, _phone.ApiStatus()); return; }
            if (path == "/api/dial") { if (Method(request, response, "POST")) Dial(request, response, false); return; }
            if (path == "/api/transfer") { if (Method(request, response, "POST")) Dial(request, response, true); return; }
            if (path == "/api/answer" || path == "/api/hangup" || path == "/api/hold" || path == "/api/resume")
            {
                if (!Method(request, response, "POST")) return;
                string error;
                int status;
                if (path == "/api/answer") status = _phone.ApiAnswer(out error);
                else if (path == "/api/hangup") status = _phone.ApiHangup(out error);
                else status = _phone.ApiHold(path == "/api/hold", out error);
                Result(response, status, error);
                return;
            }
            response.Error(404, "no endpoint " + HttpHead.Shown(path) + "; see GET /api/status");
        }

        private void Dial(HttpRequest request, HttpResponse response, bool transfer)
        {
            string number = request.QueryValue("number");
            string text = request.BodyText.Trim();
            if (text.Length > 0 && (text[0] == '{' || text[0] == '['))
            {
                JsonValue body;
                JsonError jsonError;
                if (!JsonReader.TryParse(text, out body, out jsonError)) { response.Error(400, "body is not JSON: " + jsonError.Message); return; }
                if (body.Kind != JsonKind.Object) { response.Error(400, "body must be a JSON object like {\"number\": \"202\"}"); return; }
                JsonValue n = body.Get("number");
                if (n != null)
                {
                    if (n.Kind != JsonKind.String) { response.Error(400, "\"number\" must be a string"); return; }
                    number = n.StringValue;
                }
            }
            else if (text.Length > 0)
            {
                string form = HttpRequest.FormValue(text, "number"); // number=202, as an HTML form or curl -d sends it
                if (form != null) number = form;
            }
            if (number == null) { response.Error(400, "give the number as {\"number\": \"...\"} or ?number=..."); return; }
            string target;
            string reason;
            if (!DialNumber.TryNormalize(number, _phone.ApiDomain, out target, out reason)) { response.Error(422, "cannot dial '" + HttpHead.Shown(number) + "': " + reason); return; }
            string error;
            int status = transfer ? _phone.ApiTransfer(target, out error) : _phone.ApiDial(target, out error);
            if (status != 200) { response.Error(status, error); return; }
            response.Json(200, new JsonWriter().Field("ok", true).Field("dialed", target).Raw("call", _phone.ApiCallJson(_phone.CurrentCall)).Close());
        }

        private void Result(HttpResponse response, int status, string error)
        {
            if (status != 200) { response.Error(status, error); return; }
            response.Json(200, new JsonWriter().Field("ok", true).Raw("call", _phone.ApiCallJson(_phone.CurrentCall)).Close());
        }

        private static bool Method(HttpRequest request, HttpResponse response, string allowed)
        {
            return Method(request, response, allowed, null);
        }

        /// <summary>True when the request's method is <paramref name="allowed"/> (or <paramref name="also"/>); a 405 naming them otherwise.</summary>
        private static bool Method(HttpRequest request, HttpResponse response, string allowed, string also)
        {
            if (request.Method == allowed || (also != null && request.Method == also)) return true;
            string both = also == null ? allowed : allowed + ", " + also;
            response.Headers.Add("Allow", both);
            response.Error(405, HttpHead.Shown(request.Path) + " takes " + (also == null ? allowed : allowed + " or " + also));
            return false;
        }

        /// <summary>"Bearer TOKEN" with the configured token; compared in constant time (no early exit on the first difference).</summary>
        private bool Authorized(string header)
        {
            string expected = _settings.Token;
            if (header == null || expected == null || header.Length < 7) return false;
            bool scheme = HttpHeaders.SameName(header.Substring(0, 7), "Bearer ");
            string given = header.Substring(7).Trim();
            int diff = given.Length ^ expected.Length;
            for (int i = 0; i < expected.Length; i++)
            {
                char g = i < given.Length ? given[i] : '\0';
                diff |= g ^ expected[i];
            }
            return scheme && diff == 0;
        }
    }
}
