// Planted (7): Interlocked.CompareExchange<T> called from an ordinary method. Only compiler-generated event
// accessors are exempt; this call must be reported.
using System.Threading;

namespace Planted
{
    public class CallsCompareExchangeOfT
    {
        private string _latest;

        public string SwapIfUnset(string candidate)
        {
            return Interlocked.CompareExchange(ref _latest, candidate, null);
        }
    }
}
