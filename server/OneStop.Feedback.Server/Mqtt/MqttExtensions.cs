using Microsoft.Extensions.Options;

namespace OneStop.Feedback.Server.Mqtt;

public static class MqttExtensions
{
    /// <summary>
    /// The MQTT side of the server, chosen here and nowhere else: the embedded MQTTnet broker (default), or a
    /// subscriber to an external broker (<c>Mqtt:Mode=external</c>, production with Mosquitto).
    /// </summary>
    public static WebApplicationBuilder AddMqttBroker(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MqttOptions>().BindConfiguration(MqttOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MqttOptions>, MqttOptionsValidator>();
        if (ReadMode(builder.Configuration) == MqttMode.External)
        {
            builder.Services.AddSingleton<ExternalBrokerWorker>();
            builder.Services.AddSingleton<IBrokerControl>(sp => sp.GetRequiredService<ExternalBrokerWorker>());
            builder.Services.AddHostedService(sp => sp.GetRequiredService<ExternalBrokerWorker>());
        }
        else
        {
            builder.Services.AddSingleton<EmbeddedBroker>();
            builder.Services.AddSingleton<IBrokerControl>(sp => sp.GetRequiredService<EmbeddedBroker>());
            builder.Services.AddHostedService(sp => sp.GetRequiredService<EmbeddedBroker>());
        }
        return builder;
    }

    /// <summary>The mode decides which services exist, so it is read before the options are bound.</summary>
    public static MqttMode ReadMode(IConfiguration configuration)
    {
        var raw = configuration[MqttOptions.Section + ":" + nameof(MqttOptions.Mode)];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return MqttMode.Embedded;
        }
        return raw.Trim().ToUpperInvariant() switch
        {
            "EMBEDDED" => MqttMode.Embedded,
            "EXTERNAL" => MqttMode.External,
            _ => throw new OptionsValidationException(MqttOptions.Section, typeof(MqttOptions),
                [$"Mqtt:Mode must be 'embedded' or 'external', not '{raw}'"]),
        };
    }
}
