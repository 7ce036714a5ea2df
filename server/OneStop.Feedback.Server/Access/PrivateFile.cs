namespace OneStop.Feedback.Server.Access;

/// <summary>Writes a generated credential to a file only its owner can read (mode 600 on Unix).</summary>
public static class PrivateFile
{
    public static void Write(string path, string line)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var writer = new StreamWriter(path, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options))
        {
            writer.WriteLine(line);
        }
        if (!OperatingSystem.IsWindows())
        {
            // UnixCreateMode applies only to a new file; an existing one keeps its mode unless set here.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
