// Planted (5): a multi-dimensional (rectangular) array.
namespace Planted
{
    public class UsesGrid
    {
        public int Corner()
        {
            int[,] grid = new int[3, 3];
            grid[2, 2] = 7;
            return grid[2, 2];
        }
    }
}
