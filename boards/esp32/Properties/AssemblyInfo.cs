// Assembly attributes for the nanoFramework build (the nfproj does not generate them).
using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("DeskPhone.Esp32")]
[assembly: AssemblyDescription("DeskPhone SIP desk phone firmware for ESP32 under .NET nanoFramework")]
[assembly: AssemblyProduct("DeskPhone")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("1.0.0.0")]
