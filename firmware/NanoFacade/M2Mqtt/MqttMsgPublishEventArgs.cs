// Facade of nanoFramework.M2Mqtt 5.1.220 (MqttMsgPublishEventArgs): declarations only.
using System;

namespace nanoFramework.M2Mqtt.Messages
{
    public class MqttMsgPublishEventArgs : EventArgs
    {
        private MqttMsgPublishEventArgs() => throw new NotImplementedException();

        public string Topic => throw new NotImplementedException();

        public byte[] Message => throw new NotImplementedException();
    }
}
