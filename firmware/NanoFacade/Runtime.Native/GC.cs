// Facade of nanoFramework.Runtime.Native 1.7.11: declarations only.
using System;

namespace nanoFramework.Runtime.Native
{
    public static class GC
    {
        public static uint Run(bool compactHeap) => throw new NotImplementedException();
    }
}
