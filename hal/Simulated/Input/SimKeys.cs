// The simulated keys: testers and the control API make edges, the firmware debounces them.
using DeskPhone.Hal;

namespace DeskPhone.Hal.Simulated.Input;

/// <summary>Keys and hookswitch driven by hand. Every call to <see cref="Edge"/> is one raw contact edge.</summary>
public sealed class SimKeys : IKeyInput
{
    private KeyEdgeHandler? _handler;
    private readonly HashSet<int> _down = new();

    /// <inheritdoc/>
    public void Open(KeyEdgeHandler onEdge) => _handler = onEdge;

    /// <summary>True when the key's contact is closed.</summary>
    public bool IsDown(int keyCode) { lock (_down) return _down.Contains(keyCode); }

    /// <summary>Reports a raw edge, as a contact would (repeating the current state is allowed: bounces do).</summary>
    public void Edge(int keyCode, bool down)
    {
        lock (_down) { if (down) _down.Add(keyCode); else _down.Remove(keyCode); }
        _handler?.Invoke(keyCode, down);
    }
}
