// Clean: a dense switch on an int (the IL switch opcode with its jump table) followed by a call,
// so the IL scanner must step over the table correctly to see the call.
namespace Clean
{
    public static class KeyPad
    {
        public static int Weight(int key)
        {
            int weight;
            switch (key)
            {
                case 0: weight = 10; break;
                case 1: weight = 11; break;
                case 2: weight = 12; break;
                case 3: weight = 13; break;
                case 4: weight = 14; break;
                case 5: weight = 15; break;
                default: weight = 0; break;
            }
            return System.Math.Max(weight, key);
        }
    }
}
