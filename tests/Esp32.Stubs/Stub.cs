// The one body every stub member has: these declarations exist to be compiled against, never run.
namespace NanoFramework.ApiStubs
{
    internal static class Stub
    {
        public static System.NotSupportedException NotOnThisPlatform()
        {
            return new System.NotSupportedException("nanoFramework API stub: compile-time only");
        }
    }
}
