using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Faults.Tests.Support;

/// <summary>
/// A size-limited filesystem (tmpfs with <c>size=</c>) mounted on a fresh folder: a real "no space left on
/// device" for whatever writes there. Needs root (CAP_SYS_ADMIN); unmounted on dispose.
/// </summary>
internal sealed class TmpfsMount : IAsyncDisposable
{
    private readonly TempDirectory _mountPoint = new("osf-tmpfs");

    private TmpfsMount()
    {
    }

    public string Path => _mountPoint.Path;

    public static async Task<TmpfsMount> MountAsync(int megabytes)
    {
        var mount = new TmpfsMount();
        var result = await Tools.RunAsync(Tools.Require("mount", "mount"), ["-t", "tmpfs", "-o", $"size={megabytes}m,mode=0700", "tmpfs", mount.Path], TimeSpan.FromSeconds(20));
        if (result.ExitCode != 0)
        {
            mount._mountPoint.Dispose();
            throw new InvalidOperationException(
                "The disk-full test mounts a size-limited tmpfs and needs root (CAP_SYS_ADMIN): run the tests as root " +
                $"(sudo ./test.sh) or in a container started with --cap-add SYS_ADMIN. mount said: {result.Output}");
        }
        return mount;
    }

    /// <summary>Writes a file until the filesystem refuses (ENOSPC); returns its path.</summary>
    public string Fill()
    {
        var filler = System.IO.Path.Combine(Path, "filler.bin");
        var chunk = new byte[64 * 1024];
        Random.Shared.NextBytes(chunk); // tmpfs does not compress, but be safe against any that does
        using var stream = new FileStream(filler, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        foreach (var size in new[] { chunk.Length, 4096, 512 })
        {
            try
            {
                while (true)
                {
                    stream.Write(chunk, 0, size);
                    stream.Flush();
                }
            }
            catch (IOException)
            {
                // No space for this size: try the smaller ones, to leave no gap.
            }
        }
        return filler;
    }

    public async ValueTask DisposeAsync()
    {
        var result = await Tools.RunAsync("umount", [Path], TimeSpan.FromSeconds(20));
        if (result.ExitCode != 0)
        {
            await Tools.RunAsync("umount", ["-l", Path], TimeSpan.FromSeconds(20)); // still busy: detach now, freed when closed
        }
        _mountPoint.Dispose();
    }
}
