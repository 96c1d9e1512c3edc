// The probe as a minimal INVITE client: one dialog, ACK, re-INVITE and BYE (for hold and pickup tests).
using System.Text.RegularExpressions;

namespace DeskPhone.Softswitch;

public sealed partial class SipProbe
{
    /// <summary>
    /// Sends an INVITE with <paramref name="sdp"/> (answering one digest challenge) and waits for the
    /// final response; a 2xx is ACKed and gives a <see cref="SipProbeDialog"/>, anything else throws
    /// with the response. Blocks until the far end answers: run it beside the code that answers.
    /// </summary>
    public SipProbeDialog Invite(string requestUri, string from, string to, string user, string password, string sdp,
        IEnumerable<string>? extraHeaders = null, TimeSpan? timeout = null)
    {
        var callId = Guid.NewGuid().ToString("N") + "@probe";
        var fromTag = Guid.NewGuid().ToString("N")[..10];
        var extra = (extraHeaders ?? Array.Empty<string>()).Append("Content-Type: application/sdp").ToList();
        var response = Exchange(Build("INVITE", requestUri, from, to, callId, fromTag, extra, body: sdp), timeout);
        if (response.Status == 401 || response.Status == 407)
        {
            var challenge = response.Header(response.Status == 401 ? "WWW-Authenticate" : "Proxy-Authenticate") ?? "";
            extra.Add((response.Status == 401 ? "Authorization: " : "Proxy-Authorization: ") + Digest(challenge, "INVITE", requestUri, user, password));
            response = Exchange(Build("INVITE", requestUri, from, to, callId, fromTag, extra, body: sdp), timeout);
        }
        if (response.Status < 200 || response.Status >= 300) throw new InvalidOperationException($"INVITE {requestUri} answered {response}");
        var dialog = new SipProbeDialog(this, response, callId, from, fromTag, to);
        dialog.Ack(response);
        return dialog;
    }

    /// <summary>A minimal audio offer (PCMU) from 127.0.0.1:<paramref name="port"/>, with the direction attribute given.</summary>
    public static string Sdp(int port, string direction = "sendrecv") =>
        "v=0\r\no=probe 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
        + $"m=audio {port} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na={direction}\r\n";

    internal SipResponse InDialog(SipProbeDialog d, string method, int cseq, IEnumerable<string> headers, string? body, TimeSpan? timeout)
    {
        var extra = d.RouteSet.Select(r => "Route: " + r).Concat(headers).ToList();
        if (body != null) extra.Add("Content-Type: application/sdp");
        var request = Build(method, d.RemoteTarget, d.From, d.To, d.CallId, d.FromTag, extra, d.ToTag, body, cseq);
        if (method == "ACK")
        {
            SendRaw(request);
            return new SipResponse(0, "", Array.Empty<(string, string)>(), "");
        }
        return Exchange(request, timeout);
    }

    void SendRaw(string request)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(request);
        if (_transport == "tcp") _socket.Send(bytes);
        else _socket.SendTo(bytes, _server);
    }
}

/// <summary>An established INVITE dialog of a <see cref="SipProbe"/>: the route set, tags and target to send in it.</summary>
public sealed class SipProbeDialog
{
    readonly SipProbe _probe;
    int _cseq;

    internal SipProbeDialog(SipProbe probe, SipResponse ok, string callId, string from, string fromTag, string to)
    {
        _probe = probe;
        Answer = ok;
        _cseq = int.Parse((ok.Header("CSeq") ?? "1").Split(' ')[0]);
        CallId = callId;
        From = from;
        FromTag = fromTag;
        To = to;
        ToTag = Regex.Match(ok.Header("To") ?? "", ";tag=([^;>\\s]+)").Groups[1].Value;
        RemoteTarget = Regex.Match(ok.Header("Contact") ?? "", "<([^>]+)>").Groups[1].Value;
        // The UAC's route set is the Record-Route of the answer in reverse order (RFC 3261 §12.1.2).
        RouteSet = ok.Headers.Where(h => string.Equals(h.Name, "Record-Route", StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => h.Value.Split(',', StringSplitOptions.TrimEntries)).Reverse().ToList();
    }

    /// <summary>The 2xx that set the dialog up.</summary>
    public SipResponse Answer { get; }
    public string CallId { get; }
    public string From { get; }
    public string FromTag { get; }
    public string To { get; }
    public string ToTag { get; }
    public string RemoteTarget { get; }
    public IReadOnlyList<string> RouteSet { get; }

    internal void Ack(SipResponse ok) => _probe.InDialog(this, "ACK", _cseq, Array.Empty<string>(), null, null);

    /// <summary>A re-INVITE with <paramref name="headers"/> and <paramref name="sdp"/>; a 2xx is ACKed. Returns the final response.</summary>
    public SipResponse Reinvite(IEnumerable<string> headers, string sdp, TimeSpan? timeout = null)
    {
        var response = _probe.InDialog(this, "INVITE", ++_cseq, headers, sdp, timeout);
        if (response.Status >= 200 && response.Status < 300) _probe.InDialog(this, "ACK", _cseq, Array.Empty<string>(), null, null);
        return response;
    }

    /// <summary>Ends the call.</summary>
    public SipResponse Bye(TimeSpan? timeout = null) => _probe.InDialog(this, "BYE", ++_cseq, Array.Empty<string>(), null, timeout);
}
