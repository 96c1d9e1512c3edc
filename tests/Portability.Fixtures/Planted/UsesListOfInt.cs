// Planted (1): a method body that instantiates and calls System.Collections.Generic.List<int>.
namespace Planted
{
    public class UsesListOfInt
    {
        public int SumOfThree()
        {
            System.Collections.Generic.List<int> numbers = new System.Collections.Generic.List<int>();
            numbers.Add(1);
            numbers.Add(2);
            numbers.Add(3);
            int sum = 0;
            for (int i = 0; i < numbers.Count; i++)
            {
                sum += numbers[i];
            }
            return sum;
        }
    }
}
