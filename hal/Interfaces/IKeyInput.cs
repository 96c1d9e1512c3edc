// Raw key and hookswitch edges: no debounce here, the portable layer owns it.
namespace DeskPhone.Hal
{
    /// <summary>A raw edge of one key (see <see cref="KeyCodes"/>); down = contact closed.</summary>
    public delegate void KeyEdgeHandler(int keyCode, bool down);

    /// <summary>
    /// Keys and the hookswitch as the hardware sees them: every contact edge, bounces included.
    /// The hookswitch is the key <see cref="KeyCodes.Hook"/>; down means the handset is lifted.
    /// </summary>
    public interface IKeyInput
    {
        /// <summary>Starts reporting edges. Called once at boot; the handler may run on any thread.</summary>
        void Open(KeyEdgeHandler onEdge);
    }
}
