namespace OneStop.Feedback.Server.Mqtt;

public static class MqttExtensions
{
    /// <summary>The MQTT broker terminals talk to (embedded MQTTnet).</summary>
    public static WebApplicationBuilder AddMqttBroker(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MqttOptions>().BindConfiguration(MqttOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => System.Net.IPAddress.TryParse(o.Address, out _), "Mqtt:Address must be an IP address, e.g. 127.0.0.1 or 0.0.0.0")
            .ValidateOnStart();
        builder.Services.AddSingleton<EmbeddedBroker>();
        builder.Services.AddSingleton<IBrokerControl>(sp => sp.GetRequiredService<EmbeddedBroker>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EmbeddedBroker>());
        return builder;
    }
}
