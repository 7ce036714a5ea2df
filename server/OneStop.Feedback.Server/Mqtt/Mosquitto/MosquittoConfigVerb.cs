using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Options;
using OneStop.Feedback.Server.Protocol;
using OneStop.Feedback.Server.Storage;
using OneStop.Feedback.Server.Terminals;

namespace OneStop.Feedback.Server.Mqtt.Mosquitto;

/// <summary>
/// <c>OneStop.Feedback.Server mosquitto-config --output &lt;dir&gt; [--Storage:DataDirectory …] [--Mqtt:Username …
/// --Mqtt:Password …] [--Mqtt:Port …]</c>: writes Mosquitto's passwd, acl and mosquitto.conf for production mode.
/// It reads the same configuration (appsettings.json, environment, command line) and the same database as the
/// server, so the broker's users are exactly the registered terminals; run it again after provisioning or
/// rotating, then reload Mosquitto (SIGHUP).
/// </summary>
public static class MosquittoConfigVerb
{
    public const string Name = "mosquitto-config";

    private const string Usage =
        "usage: OneStop.Feedback.Server mosquitto-config --output <dir> [--Storage:DataDirectory <data>] "
        + "--Mqtt:Username <server user> --Mqtt:Password <server password> [--Mqtt:Port 1883]";

    /// <summary>Runs the verb when it is the first argument; otherwise returns false and the server starts.</summary>
    public static bool TryRun(string[] args, out int exitCode)
    {
        if (args.Length == 0 || args[0] != Name)
        {
            exitCode = 0;
            return false;
        }
        exitCode = Run(args[1..], Console.Out, Console.Error);
        return true;
    }

    /// <summary>Exit codes: 0 written, 2 bad arguments or settings, 1 the database cannot be read or the files written.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var rest = new List<string>();
        string? outputDirectory = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--output" or "-o")
            {
                if (i + 1 >= args.Length || args[i + 1].StartsWith('-'))
                {
                    return Fail(error, 2, "--output needs a folder");
                }
                outputDirectory = args[++i];
            }
            else
            {
                rest.Add(args[i]);
            }
        }
        if (outputDirectory is null)
        {
            return Fail(error, 2, "--output <dir> is required");
        }

        WebApplication app;
        try
        {
            // The server's own configuration sources and storage registration: same keys, same database.
            var builder = WebApplication.CreateSlimBuilder(rest.ToArray());
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton(TimeProvider.System);
            builder.AddStorage();
            builder.AddTerminals();
            app = builder.Build();
        }
        catch (FormatException ex)
        {
            return Fail(error, 2, "bad argument: " + ex.Message);
        }
        using (app)
        {
            return Write(app, outputDirectory, output, error);
        }
    }

    private static int Write(WebApplication app, string outputDirectory, TextWriter output, TextWriter error)
    {
        MqttOptions mqtt;
        StorageOptions storage;
        try
        {
            mqtt = app.Configuration.GetSection(MqttOptions.Section).Get<MqttOptions>() ?? new MqttOptions();
            storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        }
        catch (Exception ex) when (ex is InvalidOperationException or OptionsValidationException)
        {
            return Fail(error, 2, ex.Message);
        }
        if (string.IsNullOrWhiteSpace(mqtt.Username) || string.IsNullOrEmpty(mqtt.Password))
        {
            return Fail(error, 2, "Mqtt:Username and Mqtt:Password are required: the server's own broker user (e.g. --Mqtt:Username ingest --Mqtt:Password <secret>)");
        }
        if (!TerminalId.IsValid(mqtt.Username))
        {
            return Fail(error, 2, $"Mqtt:Username '{mqtt.Username}' must be 1-64 characters of A-Z, a-z, 0-9, '_' and '-'");
        }
        if (mqtt.Port is < 1 or > 65535)
        {
            return Fail(error, 2, "Mqtt:Port must be the port Mosquitto listens on (1-65535)");
        }
        if (!storage.IsPostgres && !File.Exists(storage.DatabasePath))
        {
            return Fail(error, 1, $"no database at {storage.DatabasePath}; point --Storage:DataDirectory at the server's data folder");
        }

        IReadOnlyList<(string Id, string SecretHash)> terminals;
        try
        {
            terminals = app.Services.GetRequiredService<TerminalRegistry>().SecretHashes();
        }
        catch (DbException ex)
        {
            return Fail(error, 1, $"cannot read the terminals from {storage.DatabasePath}: {ex.Message}");
        }
        if (terminals.Any(t => t.Id == mqtt.Username))
        {
            return Fail(error, 2, $"Mqtt:Username '{mqtt.Username}' is also a terminal id; choose another name for the server's user");
        }

        try
        {
            var dir = Path.GetFullPath(outputDirectory);
            Directory.CreateDirectory(Path.Combine(dir, MosquittoFiles.PersistenceFolder));
            WriteAtomically(Path.Combine(dir, MosquittoFiles.PasswdFile), MosquittoFiles.Passwd(terminals, mqtt.Username, SecretHash.Hash(mqtt.Password)), secret: true);
            WriteAtomically(Path.Combine(dir, MosquittoFiles.AclFile), MosquittoFiles.Acl(mqtt.Username), secret: false);
            WriteAtomically(Path.Combine(dir, MosquittoFiles.ConfFile), MosquittoFiles.Conf(dir, mqtt.Port), secret: false);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {MosquittoFiles.PasswdFile} ({terminals.Count} terminal(s) + user '{mqtt.Username}'), {MosquittoFiles.AclFile} and {MosquittoFiles.ConfFile} to {dir}"));
            output.WriteLine("Reload a running Mosquitto to apply them: kill -HUP <mosquitto pid>");
            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(error, 1, $"cannot write to {outputDirectory}: {ex.Message}");
        }
    }

    /// <summary>Write-then-rename: a broker reloading at that moment reads the old file or the new one, never half.</summary>
    private static void WriteAtomically(string path, string content, bool secret)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, content, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        if (!OperatingSystem.IsWindows())
        {
            // Hashes only, but still not for everyone: owner read/write (chown it to the mosquitto user).
            File.SetUnixFileMode(temporary, secret
                ? UnixFileMode.UserRead | UnixFileMode.UserWrite
                : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        File.Move(temporary, path, overwrite: true);
    }

    private static int Fail(TextWriter error, int code, string message)
    {
        error.WriteLine("mosquitto-config: " + message);
        error.WriteLine(Usage);
        return code;
    }
}
