using System.Reflection;
using MQTTnet.Packets;
using MQTTnet.Server;

namespace OneStop.Feedback.Server.Mqtt;

/// <summary>
/// Gives an MQTT 3.1.1 client with an empty client id (allowed with a clean session, MQTT-3.1.3-6) the id the
/// broker assigned. MQTTnet 5.2 applies <see cref="ValidatingConnectionEventArgs.AssignedClientIdentifier"/>
/// only for MQTT 5 and otherwise refuses the connection, so the id is written into the CONNECT packet the
/// event carries. If a future MQTTnet hides the packet, nothing is changed and such clients are refused as
/// before (the mosquitto_pub ingest test would then say so).
/// </summary>
internal static class ClientIdAssignment
{
    private static readonly FieldInfo? PacketField = typeof(ValidatingConnectionEventArgs)
        .GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
        .FirstOrDefault(f => f.FieldType == typeof(MqttConnectPacket));

    public static void Apply(ValidatingConnectionEventArgs e, string clientId)
    {
        if (PacketField?.GetValue(e) is MqttConnectPacket packet && string.IsNullOrEmpty(packet.ClientId) && packet.CleanSession)
        {
            packet.ClientId = clientId;
        }
    }
}
