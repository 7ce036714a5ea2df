// Facade of nanoFramework.Networking.Sntp 1.6.42 (namespace nanoFramework.Networking): declarations only.
using System;

namespace nanoFramework.Networking
{
    public static class Sntp
    {
        public static string Server1
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        public static void Start() => throw new NotImplementedException();

        public static void UpdateNow() => throw new NotImplementedException();
    }
}
