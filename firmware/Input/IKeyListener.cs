// What the keypad reports upward once edges are debounced.
namespace DeskPhone.Firmware.Input
{
    /// <summary>Receives debounced key events on the event loop.</summary>
    public interface IKeyListener
    {
        /// <summary>The key went down (for <see cref="DeskPhone.Hal.KeyCodes.Hook"/>: handset lifted).</summary>
        void KeyPressed(int keyCode);

        /// <summary>The key is still held after <see cref="KeyTiming.LongPressMs"/>.</summary>
        void KeyLongPressed(int keyCode);

        /// <summary>An auto-repeat of a held repeating key (volume, navigation).</summary>
        void KeyRepeated(int keyCode);

        /// <summary>The key came up; <paramref name="afterLongPress"/> when a long press was reported.</summary>
        void KeyReleased(int keyCode, bool afterLongPress);
    }
}
