// Planted (3): a generic method definition inside a non-generic class.
namespace Planted
{
    public class GenericMethodHolder
    {
        public static T Echo<T>(T value)
        {
            return value;
        }
    }
}
