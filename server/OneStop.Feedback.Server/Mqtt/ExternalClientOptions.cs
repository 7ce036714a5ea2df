using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;

namespace OneStop.Feedback.Server.Mqtt;

/// <summary>
/// The server's connection to an external broker. MQTT 5 with CleanStart=false from the very first connect and
/// a session expiry: Mosquitto 2.0.11 does not persist the session of a client whose first CONNECT had
/// CleanStart=true, and then loses what was queued for the server across a broker restart (STACK-NOTES).
/// </summary>
public static class ExternalClientOptions
{
    public static MqttClientOptions Build(MqttOptions o)
    {
        var builder = new MqttClientFactory().CreateClientOptionsBuilder()
            .WithTcpServer(o.Host, o.Port)
            .WithClientId(o.ClientId)
            .WithCredentials(o.Username, o.Password)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)o.SessionExpirySeconds)
            .WithReceiveMaximum((ushort)o.ReceiveMaximum)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (o.UseTls)
        {
            var authorities = LoadAuthorities(o.CaFile);
            builder = builder.WithTlsOptions(tls =>
            {
                tls.UseTls().WithTargetHost(o.Host);
                if (authorities is not null)
                {
                    tls.WithCertificateValidationHandler(e => IsSignedBy(e, authorities));
                }
            });
        }
        return builder.Build();
    }

    private static X509Certificate2Collection? LoadAuthorities(string? caFile)
    {
        if (string.IsNullOrEmpty(caFile))
        {
            return null; // the system trust store decides (a public CA)
        }
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(caFile);
        return authorities.Count > 0 ? authorities : throw new InvalidOperationException($"Mqtt:CaFile '{caFile}' holds no PEM certificate");
    }

    /// <summary>A private CA (Mqtt:CaFile) is trusted for this connection only, not added to the machine's store;
    /// the host name must still match the broker's certificate.</summary>
    private static bool IsSignedBy(MqttClientCertificateValidationEventArgs e, X509Certificate2Collection authorities)
    {
        if (e.Certificate is null || e.SslPolicyErrors.HasFlag(System.Net.Security.SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (e.Chain is not null)
        {
            foreach (var element in e.Chain.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }
        using var certificate = new X509Certificate2(e.Certificate);
        return chain.Build(certificate);
    }
}
