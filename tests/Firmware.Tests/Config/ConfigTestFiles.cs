// Device files shared by the config tests.
using DeskPhone.Firmware.Config;

namespace DeskPhone.Firmware.Tests.Config;

internal static class ConfigTestFiles
{
    /// <summary>The schema example from the product brief.</summary>
    public const string Complete = """
        {
          "device":   { "id": "front-desk-1", "name": "Reception", "extension": "201", "board": "sim-desk-8" },
          "accounts": [ { "id": "main", "user": "201", "displayName": "Reception", "domain": "office.example",
                          "authUser": "201", "password": "secret",
                          "registrar": "sip:127.0.0.1:5060", "outboundProxy": "sip:127.0.0.1:5060;lr",
                          "backupProxy": "sip:127.0.0.2:5060;lr", "transport": "udp", "expires": 600 } ],
          "keys": [ { "kind": "line", "label": "Line 1", "account": "main", "page": 1 },
                    { "kind": "blf", "label": "Bob", "target": "sip:202@office.example", "page": 1 },
                    { "kind": "shared", "label": "Ann (exec)", "target": "sip:203@office.example", "account": "main", "page": 1 },
                    { "kind": "speeddial", "label": "Lobby", "target": "sip:210@office.example" },
                    { "kind": "park", "label": "Park 1", "target": "sip:701@office.example" },
                    { "kind": "feature", "label": "DND", "feature": "dnd" } ],
          "features": { "dnd": false, "callWaiting": true, "autoAnswer": false, "acceptOnlyFromProxy": true },
          "display":  { "contrast": 200, "clock24h": true }
        }
        """;

    /// <summary>Only the required fields.</summary>
    public const string Minimal = """
        {
          "device": { "id": "d1", "name": "Desk", "extension": "300", "board": "sim-desk-8" },
          "accounts": [ { "id": "a", "user": "300", "domain": "office.example", "registrar": "sip:127.0.0.1" } ]
        }
        """;

    /// <summary>A minimal file with <paramref name="keys"/> as its "keys" array body.</summary>
    public static string WithKeys(string keys) => """
        {
          "device": { "id": "d1", "name": "Desk", "extension": "300", "board": "sim-desk-8" },
          "accounts": [ { "id": "main", "user": "300", "domain": "office.example", "registrar": "sip:127.0.0.1" },
                        { "id": "second", "user": "301", "domain": "office.example", "registrar": "sip:127.0.0.1" } ],
          "keys": [
        """ + keys + "\n]}";

    /// <summary>A minimal file whose single account has <paramref name="fields"/> added.</summary>
    public static string WithAccountFields(string fields) => """
        {
          "device": { "id": "d1", "name": "Desk", "extension": "300", "board": "sim-desk-8" },
          "accounts": [ { "id": "main", "user": "300", "domain": "office.example", "registrar": "sip:127.0.0.1"
        """ + fields + "}]}";

    public static DeviceConfig Load(string text, string fileName = "test.json")
    {
        Assert.True(DeviceConfigLoader.TryLoad(fileName, text, out var config, out var errors), errors.ToString());
        Assert.Equal(0, errors.Count);
        return config;
    }

    public static ConfigErrors Errors(string text, string fileName = "test.json")
    {
        Assert.False(DeviceConfigLoader.TryLoad(fileName, text, out var config, out var errors));
        Assert.Null(config);
        Assert.True(errors.Count > 0);
        return errors;
    }

    public static string[] Lines(ConfigErrors errors) => Enumerable.Range(0, errors.Count).Select(i => errors[i].ToString()).ToArray();

    /// <summary>"path: message" of each error, without file and position.</summary>
    public static string[] Messages(ConfigErrors errors) =>
        Enumerable.Range(0, errors.Count).Select(i => errors[i].Path + ": " + errors[i].Message).ToArray();
}
