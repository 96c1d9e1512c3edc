// Reads the top-level "outcomes" list: the call outcomes the phone offers when a call ends.
using DeskPhone.Firmware.Json;

namespace DeskPhone.Firmware.Config
{
    /// <summary>
    /// <c>"outcomes": [ { "id": "reached", "label": "Reached", "enabled": true }, ... ]</c> (optional;
    /// firmware/Config/README.md, "Call outcomes"). Ids are unique identifiers, labels 1-24 characters,
    /// "enabled" defaults to true, at most <see cref="MaxOutcomes"/> entries.
    /// </summary>
    internal static class OutcomesSection
    {
        /// <summary>The top-level field.</summary>
        public const string Field = "outcomes";

        /// <summary>Most outcomes a device file may list.</summary>
        public const int MaxOutcomes = 20;

        /// <summary>Longest label (it must fit a line of the outcome screen).</summary>
        public const int MaxLabelLength = 24;

        private static readonly string[] Fields = { "id", "label", "enabled" };

        /// <summary>The outcomes (empty when absent; null when wrong, errors added).</summary>
        public static CallOutcome[] Read(ConfigObject top, ConfigErrors errors)
        {
            JsonValue list = top.Container(Field, JsonKind.Array, false);
            if (list == null) return top.Has(Field) ? null : new CallOutcome[0];
            if (list.Count > MaxOutcomes)
            {
                top.ErrorAt(Field, list.Count.ToString() + " outcomes; at most " + MaxOutcomes.ToString() + " are allowed");
                return null;
            }
            CallOutcome[] result = new CallOutcome[list.Count];
            bool allGood = true;
            for (int i = 0; i < list.Count; i++)
            {
                ConfigObject o = ConfigObject.Open(list[i], Field + "[" + i.ToString() + "]", Fields, errors);
                if (o == null) { allGood = false; continue; }
                o.ReportUnknownFields();
                string id = DeviceConfigLoader.Identifier(o, "id", true);
                string label = o.String("label", true, MaxLabelLength);
                bool enabled = o.Boolean("enabled", true);
                for (int j = 0; j < i; j++)
                {
                    if (result[j] == null) continue;
                    if (id != null && result[j].Id == id) { o.ErrorAt("id", "'" + id + "' is already the id of outcomes[" + j.ToString() + "]"); break; }
                    if (label != null && result[j].Label == label) { o.ErrorAt("label", "'" + ConfigObject.Printable(label) + "' is already the label of outcomes[" + j.ToString() + "]"); break; }
                }
                if (o.ErrorCount > 0) { allGood = false; continue; }
                result[i] = new CallOutcome(id, label, enabled);
            }
            return allGood ? result : null;
        }
    }
}
