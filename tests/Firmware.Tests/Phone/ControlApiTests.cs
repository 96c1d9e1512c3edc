// The phone's control API as a CRM uses it: token and allow-list first, then dial, answer, hold, transfer, hang up.
using System.Text.Json;
using DeskPhone.Firmware.Phone;
using DeskPhone.Firmware.Tests.Http;
using DeskPhone.Hal.Simulated.Network;

namespace DeskPhone.Firmware.Tests.Phone;

public class ControlApiTests
{
    public const string Token = "crm-secret-0123456789";

    public static string Config(string extra = "") => PhoneRig.DefaultConfig.TrimEnd().TrimEnd('}') + """
      , "api": { "enabled": true, "port": 8088, "token": "crm-secret-0123456789", "allow": ["127.0.1.50", "10.9.0.0/16"] }
    """ + extra + "}";

    private sealed class Api
    {
        public readonly PhoneRig Rig;
        private readonly InMemoryHost _crm;
        private readonly InMemoryHost _stranger;

        public Api(bool farEnd = true, bool registrar = true)
        {
            Rig = new PhoneRig(Config(), farEnd: farEnd, registrar: registrar);
            if (Rig.FarEnd != null) Rig.FarEnd.ReinviteAnswerSdp = PhoneRig.SdpAnswer.Replace("a=sendrecv", "a=recvonly");
            _crm = Rig.Wire.AddHost("127.0.1.50");
            _stranger = Rig.Wire.AddHost("127.0.1.60");
        }

        public (int Status, JsonElement Body) Call(string method, string path, string? body = null, string? token = Token, bool stranger = false)
        {
            var client = new RawClient(stranger ? _stranger : _crm, "127.0.1.1", 8088);
            string auth = token == null ? "" : "Authorization: Bearer " + token + "\r\n";
            string content = body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + System.Text.Encoding.UTF8.GetByteCount(body) + "\r\n";
            client.Send(method + " " + path + " HTTP/1.1\r\nHost: phone\r\n" + auth + content + "Connection: close\r\n\r\n" + (body ?? ""));
            Rig.Wait(50);
            Assert.True(client.Closed, "no answer to " + method + " " + path);
            string text = client.Received;
            int status = int.Parse(text.Substring(9, 3));
            string json = text.Substring(text.IndexOf("\r\n\r\n") + 4);
            return (status, JsonDocument.Parse(json).RootElement);
        }
    }

    [Fact]
    public void The_api_is_off_unless_the_device_file_enables_it()
    {
        var rig = new PhoneRig(farEnd: true);
        Assert.Equal(0, rig.Phone.ApiPort);
        var client = new RawClient(rig.Wire.AddHost("127.0.1.50"), "127.0.1.1", 8088);
        client.Send("GET /api/status HTTP/1.1\r\nHost: x\r\n\r\n");
        rig.Wait(50);
        Assert.Contains("refused", client.ClosedReason);
    }

    [Fact]
    public void Status_tells_registration_mode_and_that_there_is_no_call()
    {
        var api = new Api();
        Assert.Equal(8088, api.Rig.Phone.ApiPort);
        var (status, body) = api.Call("GET", "/api/status");
        Assert.Equal(200, status);
        Assert.Equal("desk-1", body.GetProperty("device").GetString());
        Assert.Equal("registered", body.GetProperty("registration").GetString());
        Assert.Equal("idle", body.GetProperty("mode").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("call").ValueKind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret-0123456789")]
    [InlineData("crm-secret-012345678")]
    [InlineData("crm-secret-01234567890")]
    public void A_request_without_the_right_token_gets_401_and_does_nothing(string? token)
    {
        var api = new Api();
        var (status, body) = api.Call("POST", "/api/dial", "{\"number\":\"202\"}", token);
        Assert.Equal(401, status);
        Assert.Equal("missing or wrong bearer token", body.GetProperty("error").GetString());
        Assert.Equal(PhoneMode.Idle, api.Rig.Phone.Mode);
    }

    [Fact]
    public void A_caller_outside_the_allow_list_gets_403_even_with_the_token()
    {
        var api = new Api();
        var (status, body) = api.Call("POST", "/api/dial", "{\"number\":\"202\"}", stranger: true);
        Assert.Equal(403, status);
        Assert.Contains("127.0.1.60 is not allowed", body.GetProperty("error").GetString());
        Assert.Equal(PhoneMode.Idle, api.Rig.Phone.Mode);
    }

    [Fact]
    public void Dial_with_a_tel_link_calls_the_normalised_number_like_the_dial_keys()
    {
        var api = new Api();
        api.Rig.FarEnd!.InviteAnswers = new[] { 180 };
        var (status, body) = api.Call("POST", "/api/dial", "{\"number\":\"tel:+1-202-555-0123\"}");
        Assert.Equal(200, status);
        Assert.Equal("+12025550123", body.GetProperty("dialed").GetString());
        Assert.Equal("outgoing", body.GetProperty("call").GetProperty("direction").GetString());
        Assert.Equal(PhoneMode.Calling, api.Rig.Phone.Mode);
        Assert.StartsWith("sip:+12025550123@office.example", api.Rig.FarEnd.LastRequest("INVITE").RequestUriText);
        Assert.Equal("calling", api.Call("GET", "/api/status").Body.GetProperty("mode").GetString());
    }

    [Fact]
    public void Dial_takes_the_number_from_the_query_too()
    {
        var api = new Api();
        var (status, _) = api.Call("POST", "/api/dial?number=sip%3A202%40office.example");
        Assert.Equal(200, status);
        Assert.StartsWith("sip:202@office.example", api.Rig.FarEnd!.LastRequest("INVITE").RequestUriText);
    }

    [Fact]
    public void Dial_takes_a_form_encoded_body_as_an_html_form_sends_it()
    {
        var api = new Api();
        var (status, body) = api.Call("POST", "/api/dial", "number=%2B41+44+668+18+00");
        Assert.Equal(200, status);
        Assert.Equal("+41446681800", body.GetProperty("dialed").GetString());
    }

    [Theory]
    [InlineData("{\"number\":\"call me\"}", 422, "cannot dial 'call me': has letters")]
    [InlineData("{\"number\":\" - \"}", 422, "nothing to dial")]
    [InlineData("{\"number\":202}", 400, "\"number\" must be a string")]
    [InlineData("{\"numbr\":\"202\"}", 400, "give the number as")]
    [InlineData("{\"number\":", 400, "body is not JSON")]
    [InlineData("[1]", 400, "body must be a JSON object")]
    public void A_bad_dial_request_is_refused_with_a_reason(string body, int expected, string reason)
    {
        var api = new Api();
        var (status, answer) = api.Call("POST", "/api/dial", body);
        Assert.Equal(expected, status);
        Assert.Contains(reason, answer.GetProperty("error").GetString());
        Assert.Equal(PhoneMode.Idle, api.Rig.Phone.Mode);
    }

    [Fact]
    public void Answer_with_no_ringing_call_is_409_and_unknown_paths_404_and_wrong_methods_405()
    {
        var api = new Api();
        Assert.Equal((409, "no call is ringing"), Error(api.Call("POST", "/api/answer")));
        Assert.Equal(409, api.Call("POST", "/api/hangup").Status);
        Assert.Equal(409, api.Call("POST", "/api/hold").Status);
        Assert.Equal(404, api.Call("GET", "/api/nothing").Status);
        Assert.Equal(405, api.Call("GET", "/api/dial").Status);
        Assert.Equal(405, api.Call("POST", "/api/status").Status);
    }

    private static (int, string?) Error((int Status, JsonElement Body) r) => (r.Status, r.Body.GetProperty("error").GetString());

    [Fact]
    public void An_incoming_call_is_answered_held_resumed_and_hung_up_through_the_api()
    {
        var api = new Api();
        var far = api.Rig.FarEnd!;
        far.Invite(PhoneRig.SdpOffer);
        api.Rig.Wait(5);
        var ringing = api.Call("GET", "/api/status").Body;
        Assert.Equal("ringing", ringing.GetProperty("mode").GetString());
        Assert.Equal("alice-call-1", ringing.GetProperty("call").GetProperty("id").GetString());
        Assert.Equal("incoming", ringing.GetProperty("call").GetProperty("direction").GetString());

        Assert.Equal(200, api.Call("POST", "/api/answer").Status);
        far.Send(far.AckFor(far.Responses("INVITE").Last()));
        api.Rig.Wait(5);
        Assert.Equal(PhoneMode.InCall, api.Rig.Phone.Mode);

        Assert.Equal(200, api.Call("POST", "/api/hold").Status);
        api.Rig.Wait(50);
        Assert.Equal("held", api.Call("GET", "/api/status").Body.GetProperty("call").GetProperty("state").GetString());
        Assert.Equal((409, "the call is on hold already"), Error(api.Call("POST", "/api/hold")));
        Assert.Equal(200, api.Call("POST", "/api/resume").Status);
        api.Rig.Wait(50);
        Assert.Equal("connected", api.Call("GET", "/api/status").Body.GetProperty("call").GetProperty("state").GetString());

        Assert.Equal(200, api.Call("POST", "/api/hangup").Status);
        Assert.Single(far.Requests("BYE"));
        Assert.Equal(PhoneMode.Idle, api.Rig.Phone.Mode);
        api.Rig.NoLoopFailures();
    }

    [Fact]
    public void Dial_during_a_call_is_409()
    {
        var api = new Api();
        Assert.Equal(200, api.Call("POST", "/api/dial", "{\"number\":\"202\"}").Status);
        Assert.Equal(PhoneMode.InCall, api.Rig.Phone.Mode);
        Assert.Equal((409, "a call is in progress: hang it up first"), Error(api.Call("POST", "/api/dial", "{\"number\":\"203\"}")));
    }

    [Fact]
    public void Transfer_sends_the_connected_call_on_to_the_normalised_number_with_a_refer()
    {
        var api = new Api();
        Assert.Equal(200, api.Call("POST", "/api/dial", "{\"number\":\"202\"}").Status);
        Assert.Equal(200, api.Call("POST", "/api/transfer", "{\"number\":\"(203)\"}").Status);
        api.Rig.Wait(100);
        var refer = api.Rig.FarEnd!.LastRequest("REFER");
        Assert.Equal("<sip:203@office.example>", refer.GetHeader("Refer-To"));
    }

    [Fact]
    public void Dial_while_not_registered_is_503()
    {
        var api = new Api(farEnd: false, registrar: false);
        Assert.NotEqual(RegistrationState.Registered, api.Rig.Phone.Registration);
        Assert.Equal((503, "not registered"), Error(api.Call("POST", "/api/dial", "{\"number\":\"202\"}")));
        Assert.Equal(PhoneMode.Idle, api.Rig.Phone.Mode);
    }
}
