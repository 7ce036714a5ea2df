using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace OneStop.Feedback.Simulator;

/// <summary>
/// Registers terminals sim-0001… through the server's API (POST /api/v1/terminals). A terminal left from an
/// earlier run gets a new secret instead, because the server keeps only secret hashes.
/// </summary>
public static class Provisioning
{
    public static string TerminalId(int index) => "sim-" + index.ToString("0000", CultureInfo.InvariantCulture);

    public static async Task<List<KeyValuePair<string, string>>> ProvisionAsync(HttpClient api, int count, CancellationToken cancellationToken)
    {
        var result = new List<KeyValuePair<string, string>>(count);
        for (var i = 1; i <= count; i++)
        {
            var id = TerminalId(i);
            var counter = "SIM" + i.ToString("00", CultureInfo.InvariantCulture);
            using var response = await api.PostAsJsonAsync("api/v1/terminals", new { id, counterId = counter, name = "Simulated " + i }, cancellationToken);
            using var credentials = response.StatusCode == HttpStatusCode.Conflict
                ? await api.PostAsync(new Uri("api/v1/terminals/" + id + "/secret", UriKind.Relative), null, cancellationToken)
                : null;
            var answer = credentials ?? response;
            if (!answer.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"provisioning {id} failed: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync(cancellationToken)}");
            }
            var body = await answer.Content.ReadFromJsonAsync<Credentials>(cancellationToken)
                ?? throw new InvalidOperationException("provisioning " + id + ": empty answer");
            result.Add(KeyValuePair.Create(body.Id, body.Secret));
        }
        return result;
    }

    private sealed record Credentials(string Id, string Secret);
}
