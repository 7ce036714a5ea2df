// Facade of nanoFramework.M2Mqtt 5.1.220 (nanoFramework.M2Mqtt.Core/Messages/MqttReasonCode.cs): declarations only, the member the app tests.
namespace nanoFramework.M2Mqtt.Messages
{
    public enum MqttReasonCode : byte
    {
        Success = 0x00,
    }
}
