// Clean: a switch on strings long enough for Roslyn to hash it (<PrivateImplementationDetails>.ComputeStringHash).
namespace Clean
{
    public static class SipMethods
    {
        public static int Code(string method)
        {
            switch (method)
            {
                case "INVITE": return 1;
                case "ACK": return 2;
                case "BYE": return 3;
                case "CANCEL": return 4;
                case "REGISTER": return 5;
                case "OPTIONS": return 6;
                case "INFO": return 7;
                case "NOTIFY": return 8;
                case "SUBSCRIBE": return 9;
                case "REFER": return 10;
                default: return 0;
            }
        }
    }
}
