using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("OneStop.Feedback.Firmware")]
[assembly: AssemblyDescription("Citizen rating terminal (ESP32, .NET nanoFramework)")]
[assembly: AssemblyCompany("OneStop.Feedback")]
[assembly: AssemblyProduct("OneStop.Feedback")]
[assembly: AssemblyCopyright("OneStop.Feedback contributors")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
