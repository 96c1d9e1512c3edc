// Planted (6): System.Enum.GetValues, which nanoFramework's Enum does not offer.
namespace Planted
{
    public enum Shade
    {
        Light = 0,
        Dark = 1
    }

    public class EnumeratesEnumValues
    {
        public int CountShades()
        {
            return System.Enum.GetValues(typeof(Shade)).Length;
        }
    }
}
