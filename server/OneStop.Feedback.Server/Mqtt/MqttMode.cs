namespace OneStop.Feedback.Server.Mqtt;

/// <summary>Where terminals connect: the broker inside this process, or an operator-run broker (Mosquitto).</summary>
public enum MqttMode
{
    /// <summary>MQTTnet broker in the server process; a terminal's PUBACK is sent after the commit.</summary>
    Embedded,

    /// <summary>An external broker; the server subscribes with a persistent session and acknowledges after the commit.</summary>
    External,
}
