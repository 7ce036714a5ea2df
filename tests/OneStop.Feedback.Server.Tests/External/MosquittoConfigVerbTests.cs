using System.Globalization;
using OneStop.Feedback.Server.Mqtt.Mosquitto;
using OneStop.Feedback.Server.Terminals;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.External;

/// <summary>The files of <c>mosquitto-config</c>. That Mosquitto accepts them is shown by the external-broker tests.</summary>
public class MosquittoConfigVerbTests
{
    [Fact]
    public async Task PasswdHasEachTerminalsStoredHashAndTheServerUser()
    {
        await using var setup = await ExternalSetup.StartAsync("T1", "T2");

        var lines = await File.ReadAllLinesAsync(Path.Combine(setup.MosquittoDirectory, MosquittoFiles.PasswdFile));

        Assert.Equal(["T1", "T2", ExternalSetup.ServerUser], lines.Select(l => l.Split(':')[0]));
        Assert.All(lines, l => Assert.Matches(@"^[A-Za-z0-9_-]+:\$7\$101\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$", l));
        Assert.True(SecretHash.Verify(setup.Terminals[0].Secret, lines[0].Split(':', 2)[1]));
        Assert.True(SecretHash.Verify(ExternalSetup.ServerPassword, lines[2].Split(':', 2)[1]));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(setup.MosquittoDirectory, MosquittoFiles.PasswdFile)));
    }

    [Fact]
    public void AclLetsTheServerReadTerminalDataAndEachTerminalOnlyItsOwnTopics()
    {
        var acl = MosquittoFiles.Acl("ingest").Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

        Assert.Equal(
        [
            "user ingest",
            "topic read onestop/v1/t/+/rating", "topic read onestop/v1/t/+/event", "topic read onestop/v1/t/+/status",
            "topic write onestop/v1/t/+/config", "topic write onestop/v1/t/+/window",
            "pattern write onestop/v1/t/%u/rating", "pattern write onestop/v1/t/%u/event", "pattern write onestop/v1/t/%u/status",
            "pattern read onestop/v1/t/%u/config", "pattern read onestop/v1/t/%u/window",
        ], acl);
    }

    [Fact]
    public void ConfHasTheSettingsThatAvoidSilentLoss()
    {
        var conf = MosquittoFiles.Conf("/srv/mosq", 1883).Split('\n');

        foreach (var setting in new[]
        {
            "per_listener_settings false", "allow_anonymous false", "password_file /srv/mosq/passwd", "acl_file /srv/mosq/acl",
            "listener 1883", "persistence true", "persistence_location /srv/mosq/data/", "autosave_interval 1",
            "max_inflight_messages 1000", "max_queued_messages 1000000", "max_queued_bytes 0",
            "set_tcp_nodelay true", // without it the benchmark's bare subscriber fell to 2-9k msg/s in 4 of 6 rounds
        })
        {
            Assert.Contains(setting, conf);
        }
    }

    [Fact]
    public async Task VerbExitsNonZeroWithAClearMessageOnBadArguments()
    {
        using var data = new TempDirectory("osf-verb");
        var noOutput = Run(["--Mqtt:Username", "ingest", "--Mqtt:Password", "x"]);
        var noPassword = Run(["--output", data.Path, "--Storage:DataDirectory", data.Path, "--Mqtt:Username", "ingest"]);
        var noDatabase = Run(["--output", data.Path, "--Storage:DataDirectory", Path.Combine(data.Path, "none"), "--Mqtt:Username", "ingest", "--Mqtt:Password", "x"]);
        // Through the server executable: the verb runs before any web host is built.
        var process = await Tools.RunAsync("dotnet", [RepoPaths.ServerDll, "mosquitto-config", "--output"], TimeSpan.FromSeconds(30));

        Assert.Equal((2, "--output <dir> is required"), (noOutput.Code, First(noOutput.Error)));
        Assert.Equal(2, noPassword.Code);
        Assert.Contains("Mqtt:Password are required", noPassword.Error, StringComparison.Ordinal);
        Assert.Equal(1, noDatabase.Code);
        Assert.Contains("no database at", noDatabase.Error, StringComparison.Ordinal);
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("--output needs a folder", process.Output, StringComparison.Ordinal);
    }

    private static (int Code, string Error) Run(string[] args)
    {
        var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = MosquittoConfigVerb.Run(args, TextWriter.Null, error);
        return (code, error.ToString());
    }

    private static string First(string error) => error.Split('\n')[0].Replace("mosquitto-config: ", "", StringComparison.Ordinal);
}
