// Clean: static array initialisers (RuntimeHelpers.InitializeArray over <PrivateImplementationDetails> data).
namespace Clean
{
    public static class ToneTable
    {
        private static readonly short[] Ramp = new short[] { 0, 100, 200, 300, 400, 500, 600, 700, 800, 900 };
        private static readonly byte[] Pattern = new byte[] { 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 1, 0 };

        public static int Sample(int index)
        {
            return Ramp[index % Ramp.Length] + Pattern[index % Pattern.Length];
        }
    }
}
