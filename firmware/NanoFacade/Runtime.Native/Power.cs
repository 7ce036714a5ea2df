// Facade of nanoFramework.Runtime.Native 1.7.11 (namespace nanoFramework.Runtime.Native): declarations only.
using System;

namespace nanoFramework.Runtime.Native
{
    public static class Power
    {
        public static void RebootDevice() => throw new NotImplementedException();
    }
}
