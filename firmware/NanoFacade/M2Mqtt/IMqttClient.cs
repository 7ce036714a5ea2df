// Facade of nanoFramework.M2Mqtt 5.1.220 (assembly nanoFramework.M2Mqtt.Core): declarations only. The event
// delegate types are nested in this interface, as in the package.
using System;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt
{
    public interface IMqttClient
    {
        delegate void MqttMsgPublishEventHandler(object sender, MqttMsgPublishEventArgs e);

        delegate void MqttMsgPublishedEventHandler(object sender, MqttMsgPublishedEventArgs e);

        delegate void ConnectionClosedEventHandler(object sender, EventArgs e);
    }
}
