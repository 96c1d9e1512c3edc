// Key lamps as plain LEDs: the portable layer decides colours and computes cadences.
namespace DeskPhone.Hal
{
    /// <summary>What an LED shows at one instant.</summary>
    public enum LampColour
    {
        Off = 0,
        Green = 1,
        Red = 2,
        Amber = 3
    }

    /// <summary>
    /// The LEDs beside the line keys, indexed from 0 (lamp i belongs to line key i + 1 of the
    /// visible page). The firmware switches them on and off to make flash cadences.
    /// </summary>
    public interface ILamps
    {
        /// <summary>How many lamps the board has.</summary>
        int Count { get; }

        /// <summary>False for single-colour LEDs: green, red and amber then all light the one LED.</summary>
        bool HasTwoColours { get; }

        /// <summary>Drives lamp <paramref name="index"/> to <paramref name="colour"/> now.</summary>
        void Set(int index, LampColour colour);
    }
}
