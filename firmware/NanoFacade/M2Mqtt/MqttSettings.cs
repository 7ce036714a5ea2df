// Facade of nanoFramework.M2Mqtt 5.1.220 (M2Mqtt/MqttSettings.cs): declarations only.
using System;

namespace nanoFramework.M2Mqtt
{
    public class MqttSettings
    {
        private MqttSettings() => throw new NotImplementedException();

        public int InflightQueueSize
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }
    }
}
