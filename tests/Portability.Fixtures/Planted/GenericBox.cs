// Planted (2): a generic class definition.
namespace Planted
{
    public class GenericBox<T>
    {
        public T Content;
    }
}
