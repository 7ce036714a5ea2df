using OneStop.Feedback.Server.Terminals;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.Terminals;

public class SecretHashTests
{
    [Fact]
    public void HashVerifiesOnlyItsOwnSecret()
    {
        var hash = SecretHash.Hash("s3cret");

        Assert.True(SecretHash.Verify("s3cret", hash));
        Assert.False(SecretHash.Verify("s3cret ", hash));
        Assert.NotEqual(hash, SecretHash.Hash("s3cret")); // salted
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("$6$101$abc$def")]
    [InlineData("$7$x$abc$def")]
    [InlineData("$7$101$@@@$def")]
    public void MalformedHashNeverVerifies(string stored) => Assert.False(SecretHash.Verify("anything", stored));

    [Fact]
    public async Task HashesWrittenByMosquittoPasswdVerify()
    {
        var tool = Tools.Require("mosquitto_passwd", "mosquitto");
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "passwd");

        var (exit, output) = await Tools.RunAsync(tool, ["-c", "-b", file, "T1", "Mật-khẩu-1"], TimeSpan.FromSeconds(20));

        Assert.True(exit == 0, output);
        var hash = File.ReadAllText(file).Trim().Split(':', 2)[1];
        Assert.True(SecretHash.Verify("Mật-khẩu-1", hash));
        Assert.False(SecretHash.Verify("Mat-khau-1", hash));
    }
}
