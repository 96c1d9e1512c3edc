// deskphone-provision: checks device files and board profiles and gets them onto phones.
namespace DeskPhone.Provision;

public static class Program
{
    public static int Main(string[] args) => ProvisionApp.Run(args, Console.Out, Console.Error);
}
