// Facade of nanoFramework.M2Mqtt 5.1.220 (nanoFramework.M2Mqtt.Core/Messages/MqttQoSLevel.cs): declarations only.
namespace nanoFramework.M2Mqtt.Messages
{
    public enum MqttQoSLevel : byte
    {
        AtMostOnce = 0x00,
        AtLeastOnce = 0x01,
        ExactlyOnce = 0x02,
    }
}
