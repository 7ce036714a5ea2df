// Facade of nanoFramework.System.Device.Wifi 1.5.149 (WifiAdapter.cs, WifiNetworkReport.cs, WifiAvailableNetwork.cs): declarations only.
namespace System.Device.Wifi
{
    public delegate void AvailableNetworksChangedEventHandler(WifiAdapter sender, object e);

    public sealed class WifiAdapter : IDisposable
    {
        private WifiAdapter() => throw new NotImplementedException();

        public event AvailableNetworksChangedEventHandler AvailableNetworksChanged;

        public WifiNetworkReport NetworkReport => throw new NotImplementedException();

        public static WifiAdapter[] FindAllAdapters() => throw new NotImplementedException();

        public void ScanAsync() => throw new NotImplementedException();

        public void Dispose() => throw new NotImplementedException();
    }

    public class WifiNetworkReport
    {
        private WifiNetworkReport() => throw new NotImplementedException();

        public WifiAvailableNetwork[] AvailableNetworks => throw new NotImplementedException();
    }

    public class WifiAvailableNetwork
    {
        public string Ssid => throw new NotImplementedException();

        public double NetworkRssiInDecibelMilliwatts => throw new NotImplementedException();
    }
}
