// Facade of nanoFramework.System.Device.Pwm 1.1.23 (namespace System.Device.Pwm): declarations only.
namespace System.Device.Pwm
{
    public sealed class PwmChannel : IDisposable
    {
        private PwmChannel() => throw new NotImplementedException();

        public int Frequency
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        public static PwmChannel CreateFromPin(int pin, int frequency, double dutyCyclePercentage) => throw new NotImplementedException();

        public void Start() => throw new NotImplementedException();

        public void Stop() => throw new NotImplementedException();

        public void Dispose() => throw new NotImplementedException();
    }
}
