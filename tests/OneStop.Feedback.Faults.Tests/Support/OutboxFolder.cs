namespace OneStop.Feedback.Faults.Tests.Support;

/// <summary>
/// A fresh folder for the terminals' outboxes, in RAM (/dev/shm) when the machine has it, deleted on dispose.
/// The outbox is the firmware's own file format either way; but twenty terminals fsyncing every record to the
/// shared disk of a loaded test machine measured that disk, not the server. The server's data stays on disk.
/// </summary>
internal sealed class OutboxFolder : IDisposable
{
    public OutboxFolder()
    {
        var root = Directory.Exists("/dev/shm") ? "/dev/shm" : System.IO.Path.GetTempPath();
        Path = System.IO.Path.Combine(root, "osf-outbox-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A terminal being abandoned may still hold a file for a moment.
        }
    }
}
