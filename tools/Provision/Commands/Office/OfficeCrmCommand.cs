// office crm webhooks|api|token|lookup|address: connecting the office's phones to a CRM, written into every device file.
using DeskPhone.Office.Model;
using DeskPhone.Office.Rules;
using DeskPhone.Provision.Cli;

namespace DeskPhone.Provision.Commands.Office;

/// <summary>One change to the office's CRM integration; registered once per verb ("office crm api on"...).</summary>
public sealed class OfficeCrmCommand : OfficeCommand
{
    /// <summary>The verbs, in the order help lists them.</summary>
    public static readonly string[] Verbs = { "webhooks", "webhooks off", "api on", "api off", "token", "lookup", "lookup off", "address" };

    private readonly string _verb;

    public OfficeCrmCommand(string verb)
    {
        if (!Verbs.Contains(verb)) throw new ArgumentException("no crm verb " + verb, nameof(verb));
        _verb = verb;
        OptionNames = verb switch
        {
            "webhooks" => new[] { "url", "token", "queue-limit", "as", "office" },
            "api on" => new[] { "port", "allow", "as", "office" },
            "token" => new[] { "phone", "rotate", "as", "office" },
            "lookup" => new[] { "url", "as", "office" },
            "address" => new[] { "phone", "address", "as", "office" },
            _ => new[] { "as", "office" },
        };
    }

    public override string Name => "office crm " + _verb;
    public override IReadOnlyCollection<string> OptionNames { get; }
    public override IReadOnlyCollection<string> RepeatableOptions { get; } = new[] { "allow" };
    public override IReadOnlyCollection<string> FlagOptions { get; } = new[] { "rotate" };

    public override string Usage => _verb switch
    {
        "webhooks" => "office crm webhooks --url http://10.0.0.5:8000/phone-events [--token TOKEN|none] [--queue-limit 1000] [--office office.json]",
        "api on" => "office crm api on [--port 8088] [--allow 10.0.0.0/8 --allow 127.0.0.1 | --allow 10.0.0.5,127.0.0.1] [--office office.json]",
        "token" => "office crm token --phone PHONE [--rotate] [--office office.json]",
        "lookup" => "office crm lookup --url 'http://10.0.0.5:8000/lookup?number={number}' [--office office.json]",
        "address" => "office crm address --phone PHONE --address 10.0.0.21|none [--office office.json]",
        _ => $"office crm {_verb} [--office office.json]",
    };

    public override string Summary => _verb switch
    {
        "webhooks" => "every phone POSTs its call events (incoming, answered, ended...) to this URL, with the bearer token; the queue limit is how many it keeps while the CRM is down",
        "webhooks off" => "the phones stop sending call events",
        "api on" => "the phones serve the control API (click-to-call) on the port to the allowed addresses; every phone without an API token gets one",
        "api off" => "the phones stop serving the control API (port, allow list and tokens are kept)",
        "token" => "give a phone its own API token (32 random hex characters); --rotate replaces the one it has",
        "lookup" => "the phones ask this URL about callers their contact directory does not know ({number} is replaced)",
        "lookup off" => "the phones look nothing up",
        _ => "record a phone's IPv4 address so 'office crm show' can give the CRM its API's URL",
    };

    protected override Func<OfficeDirectory, Outcome> Prepare(Options options)
    {
        Actor by = As(options);
        switch (_verb)
        {
            case "webhooks":
                string url = options.Required("url");
                string? token = options.Get("token");
                int? limit = options.Integer("queue-limit", 0, int.MaxValue); // the phones' own range (1-10000) is checked by their loader
                return office => Crm.SetWebhooks(office, url, token, limit, by);
            case "webhooks off":
                return office => Crm.WebhooksOff(office, by);
            case "api on":
                int? port = options.Integer("port", 1, 65535);
                IReadOnlyList<string>? allow = options.All("allow").Count == 0 ? null
                    : options.All("allow").SelectMany(a => a.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
                return office => Crm.SetApi(office, true, port, allow, by);
            case "api off":
                return office => Crm.SetApi(office, false, null, null, by);
            case "token":
                string phone = options.Required("phone");
                bool rotate = options.Has("rotate");
                return office => Crm.Token(office, phone, rotate, by);
            case "lookup":
                string lookup = options.Required("url");
                return office => Crm.SetLookup(office, lookup, by);
            case "lookup off":
                return office => Crm.LookupOff(office, by);
            default:
                string which = options.Required("phone");
                string address = options.Required("address");
                return office => Crm.SetAddress(office, which, address, by);
        }
    }
}
