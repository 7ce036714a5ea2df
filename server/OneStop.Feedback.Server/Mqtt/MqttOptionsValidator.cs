using System.Net;
using Microsoft.Extensions.Options;

namespace OneStop.Feedback.Server.Mqtt;

/// <summary>Checks the <c>Mqtt</c> section at start, per mode, with messages that say which key to fix.</summary>
public sealed class MqttOptionsValidator : IValidateOptions<MqttOptions>
{
    public ValidateOptionsResult Validate(string? name, MqttOptions options)
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(options.Mode))
        {
            errors.Add("Mqtt:Mode must be 'embedded' or 'external'");
        }
        if (options.Mode == MqttMode.Embedded && !IPAddress.TryParse(options.Address, out _))
        {
            errors.Add("Mqtt:Address must be an IP address, e.g. 127.0.0.1 or 0.0.0.0");
        }
        if (options.Mode == MqttMode.External)
        {
            if (string.IsNullOrWhiteSpace(options.Host))
            {
                errors.Add("Mqtt:Host must name the external broker (host name or IP address)");
            }
            if (options.Port is < 1 or > 65535)
            {
                errors.Add("Mqtt:Port must be the external broker's port (1-65535, usually 1883, or 8883 with TLS)");
            }
            if (string.IsNullOrWhiteSpace(options.Username) || string.IsNullOrEmpty(options.Password))
            {
                errors.Add("Mqtt:Username and Mqtt:Password are required in external mode (the server's own broker user, see docs/deployment.md)");
            }
            if (string.IsNullOrWhiteSpace(options.ClientId))
            {
                errors.Add("Mqtt:ClientId must not be empty (it names the server's persistent session on the broker)");
            }
            if (!options.UseTls && !string.IsNullOrEmpty(options.CaFile))
            {
                errors.Add("Mqtt:CaFile is set but Mqtt:UseTls is false; set Mqtt:UseTls=true to use it");
            }
            if (!string.IsNullOrEmpty(options.CaFile) && !File.Exists(options.CaFile))
            {
                errors.Add($"Mqtt:CaFile '{options.CaFile}' does not exist");
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
