using OneStop.Feedback.Firmware.Core.Storage;

namespace OneStop.Feedback.Firmware.Tests.Support;

/// <summary>
/// In-memory flash with power cuts: after <see cref="CutPowerAfter"/> write units the store stops. An append
/// then keeps only the bytes that fitted (a torn write); a replace or delete either happens whole or not at
/// all (one unit each). A replace is a delete of the target followed by a move (one unit each), like the
/// nanoFramework store whose File.Move cannot overwrite, so a cut can fall between the two. Every call after the cut throws,
/// like a dead CPU; <see cref="Reboot"/> brings the store back with what reached flash.
/// </summary>
internal sealed class MemoryFileStore : IFileStore
{
    private readonly Dictionary<string, List<byte>> _files = new(StringComparer.Ordinal);
    private long _budget = long.MaxValue;
    private bool _dead;
    private int _failNextAppendAfter = -1;

    /// <summary>Bytes appended plus replace/delete operations since the last reset.</summary>
    public long UnitsWritten { get; private set; }

    public void CutPowerAfter(long units) => _budget = units;

    /// <summary>The next append writes only <paramref name="bytes"/> bytes and fails, but the device keeps running.</summary>
    public void FailNextAppendAfter(int bytes) => _failNextAppendAfter = bytes;

    public void Reboot()
    {
        _dead = false;
        _budget = long.MaxValue;
        UnitsWritten = 0;
    }

    public byte[] Contents(string name) => _files.TryGetValue(name, out var f) ? f.ToArray() : [];

    public void SetContents(string name, byte[] data) => _files[name] = [.. data];

    public bool Exists(string name)
    {
        ThrowIfDead();
        return _files.ContainsKey(name);
    }

    public long Length(string name)
    {
        ThrowIfDead();
        return _files.TryGetValue(name, out var f) ? f.Count : 0;
    }

    public int ReadAt(string name, long position, byte[] buffer, int offset, int count)
    {
        ThrowIfDead();
        if (!_files.TryGetValue(name, out var f) || position >= f.Count)
        {
            return 0;
        }
        var n = (int)Math.Min(count, f.Count - position);
        f.CopyTo((int)position, buffer, offset, n);
        return n;
    }

    public void Append(string name, byte[] data, int offset, int count)
    {
        ThrowIfDead();
        if (!_files.TryGetValue(name, out var f))
        {
            f = [];
            _files[name] = f;
        }
        if (_failNextAppendAfter >= 0)
        {
            f.AddRange(data.Skip(offset).Take(Math.Min(count, _failNextAppendAfter)));
            _failNextAppendAfter = -1;
            throw new IOException("flash write failed");
        }
        var fits = (int)Math.Min(count, _budget);
        f.AddRange(data.Skip(offset).Take(fits));
        Spend(fits, fits < count);
    }

    public void Replace(string sourceName, string targetName)
    {
        ThrowIfDead();
        if (_files.ContainsKey(targetName))
        {
            Delete(targetName);
        }
        if (_budget < 1)
        {
            Spend(0, true);
        }
        _files[targetName] = _files[sourceName];
        _files.Remove(sourceName);
        Spend(1, false);
    }

    public void Delete(string name)
    {
        ThrowIfDead();
        if (!_files.ContainsKey(name))
        {
            return;
        }
        if (_budget < 1)
        {
            Spend(0, true);
        }
        _files.Remove(name);
        Spend(1, false);
    }

    private void Spend(long units, bool cut)
    {
        _budget -= units;
        UnitsWritten += units;
        if (cut)
        {
            _dead = true;
            throw new PowerLossException();
        }
    }

    private void ThrowIfDead()
    {
        if (_dead)
        {
            throw new PowerLossException();
        }
    }
}

internal sealed class PowerLossException : Exception
{
    public PowerLossException()
        : base("power lost")
    {
    }
}
