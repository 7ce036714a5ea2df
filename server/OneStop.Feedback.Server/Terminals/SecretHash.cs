using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OneStop.Feedback.Server.Terminals;

/// <summary>
/// Terminal secrets are stored only as hashes, in Mosquitto's password-file format
/// (<c>$7$&lt;iterations&gt;$&lt;base64 salt&gt;$&lt;base64 PBKDF2-SHA512&gt;</c>), so that the same registry can be
/// exported to a Mosquitto <c>passwd</c> file and checked by the embedded broker without any plaintext.
/// Secrets are 192-bit random strings, so Mosquitto's iteration count is not what protects them.
/// </summary>
public static class SecretHash
{
    private const int SaltBytes = 12;      // as mosquitto_passwd
    private const int HashBytes = 64;      // SHA-512 output
    private const int Iterations = 101;    // mosquitto_passwd's default for $7$

    /// <summary>A new random secret: 24 random bytes, base64url without padding (32 characters).</summary>
    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(24));

    public static string Hash(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, Iterations, HashAlgorithmName.SHA512, HashBytes);
        return string.Create(CultureInfo.InvariantCulture, $"$7${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    /// <summary>Checks a secret against a stored hash in constant time; false for any malformed hash.</summary>
    public static bool Verify(string secret, string stored)
    {
        var parts = stored.Split('$');
        // "", "7", iterations, salt, hash
        if (parts.Length != 5 || parts[0].Length != 0 || parts[1] != "7"
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations is < 1 or > 1_000_000)
        {
            return false;
        }
        byte[] salt, expected;
        try
        {
            salt = Convert.FromBase64String(parts[3]);
            expected = Convert.FromBase64String(parts[4]);
        }
        catch (FormatException)
        {
            return false;
        }
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, iterations, HashAlgorithmName.SHA512, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>SHA-256 (hex) of an API token: tokens are long random strings, so a fast hash is enough.</summary>
    public static string TokenHash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
