using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OneStop.Feedback.Server.Mqtt;

namespace OneStop.Feedback.Server.Tests.External;

/// <summary>Bad production-mode settings stop the server at start with a message naming the key.</summary>
public class MqttOptionsValidationTests
{
    [Fact]
    public void ExternalModeWithoutCredentialsOrWithABadPortIsRefused()
    {
        var result = new MqttOptionsValidator().Validate(null, new MqttOptions { Mode = MqttMode.External, Port = 0, CaFile = "/nonexistent/ca.pem" });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("Mqtt:Username and Mqtt:Password are required", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Mqtt:Port must be the external broker's port", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Mqtt:UseTls is false", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public void EmbeddedModeIgnoresTheExternalSettings()
    {
        var result = new MqttOptionsValidator().Validate(null, new MqttOptions { Port = 0 });

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData(null, MqttMode.Embedded)]
    [InlineData("embedded", MqttMode.Embedded)]
    [InlineData("External", MqttMode.External)]
    public void ModeIsReadCaseInsensitively(string? value, MqttMode expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Mqtt:Mode"] = value }).Build();

        Assert.Equal(expected, MqttExtensions.ReadMode(configuration));
    }

    [Fact]
    public void UnknownModeIsRefusedWithTheAllowedValues()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Mqtt:Mode"] = "mosquitto" }).Build();

        var error = Assert.Throws<OptionsValidationException>(() => MqttExtensions.ReadMode(configuration));
        Assert.Contains("Mqtt:Mode must be 'embedded' or 'external', not 'mosquitto'", error.Message, StringComparison.Ordinal);
    }
}
