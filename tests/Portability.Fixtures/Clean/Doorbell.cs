// Clean: a field-like event with a custom delegate. On net10 Roslyn compiles its add/remove accessors with
// Interlocked.CompareExchange<T>; the checker's narrow exemption for event accessors must accept that.
namespace Clean
{
    public delegate void RingHandler(int loudness);

    public class Doorbell
    {
        public event RingHandler Rang;

        public void Press(int loudness)
        {
            RingHandler handler = Rang;
            if (handler != null)
            {
                handler(loudness);
            }
        }
    }
}
