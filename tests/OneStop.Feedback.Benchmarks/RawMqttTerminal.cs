using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OneStop.Feedback.Benchmarks;

/// <summary>
/// A minimal MQTT 3.1.1 terminal on a plain socket, for benchmarks with tens of thousands of connections in one
/// process: CONNECT with credentials, QoS 1 PUBLISH, PINGREQ, and a read loop that counts CONNACK, PUBACK and
/// PINGRESP. Each connection costs a socket and one pending receive, so 20,000 of them fit in one load process.
/// </summary>
public sealed class RawMqttTerminal : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource<byte> _connack = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ushort _packetId;
    private Task? _reader;

    private RawMqttTerminal(Socket socket, string id)
    {
        _socket = socket;
        Id = id;
    }

    public string Id { get; }

    private int _acknowledged;
    private int _pongs;

    /// <summary>PUBACKs received.</summary>
    public int Acknowledged => Volatile.Read(ref _acknowledged);

    /// <summary>PINGRESPs received.</summary>
    public int Pongs => Volatile.Read(ref _pongs);

    public bool Closed { get; private set; }

    /// <summary>Connects from <paramref name="source"/> (a loopback address, so that many source ports are available) and waits for CONNACK.</summary>
    public static async Task<RawMqttTerminal> ConnectAsync(IPAddress source, int port, string id, string secret, ushort keepAliveSeconds, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var terminal = new RawMqttTerminal(socket, id);
        try
        {
            socket.Bind(new IPEndPoint(source, 0));
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
            terminal._reader = Task.Run(terminal.ReadLoopAsync, CancellationToken.None);
            await terminal.SendAsync(Connect(id, secret, keepAliveSeconds), cancellationToken);
            var code = await terminal._connack.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
            if (code != 0)
            {
                throw new InvalidOperationException($"{id}: CONNACK return code {code}");
            }
            return terminal;
        }
        catch
        {
            await terminal.DisposeAsync();
            throw;
        }
    }

    public Task PublishAsync(string topic, byte[] payload, CancellationToken cancellationToken)
    {
        var id = ++_packetId == 0 ? ++_packetId : _packetId;
        var topicBytes = Encoding.UTF8.GetBytes(topic);
        var body = new byte[2 + topicBytes.Length + 2 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(body, (ushort)topicBytes.Length);
        topicBytes.CopyTo(body, 2);
        BinaryPrimitives.WriteUInt16BigEndian(body.AsSpan(2 + topicBytes.Length), id);
        payload.CopyTo(body, 4 + topicBytes.Length);
        return SendAsync(Packet(0x32, body), cancellationToken);
    }

    public Task PingAsync(CancellationToken cancellationToken) => SendAsync([0xC0, 0x00], cancellationToken);

    private async Task SendAsync(byte[] packet, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(packet, SocketFlags.None, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[512];
        var filled = 0;
        try
        {
            while (true)
            {
                var read = await _socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None);
                if (read == 0)
                {
                    break;
                }
                filled += read;
                var offset = 0;
                // Packets from the broker here are small: type byte, one-byte remaining length, body.
                while (filled - offset >= 2 && filled - offset >= 2 + buffer[offset + 1])
                {
                    var type = buffer[offset] & 0xF0;
                    switch (type)
                    {
                        case 0x20:
                            _connack.TrySetResult(buffer[offset + 3]);
                            break;
                        case 0x40:
                            Interlocked.Increment(ref _acknowledged);
                            break;
                        case 0xD0:
                            Interlocked.Increment(ref _pongs);
                            break;
                        default:
                            break;
                    }
                    offset += 2 + buffer[offset + 1];
                }
                Buffer.BlockCopy(buffer, offset, buffer, 0, filled - offset);
                filled -= offset;
            }
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        Closed = true;
        _connack.TrySetException(new IOException($"{Id}: connection closed"));
    }

    private static byte[] Connect(string id, string secret, ushort keepAlive)
    {
        using var body = new MemoryStream();
        WriteString(body, "MQTT");
        body.WriteByte(4);    // protocol level 3.1.1
        body.WriteByte(0xC0); // user name, password, persistent session (like the firmware)
        body.WriteByte((byte)(keepAlive >> 8));
        body.WriteByte((byte)keepAlive);
        WriteString(body, id);
        WriteString(body, id);
        WriteString(body, secret);
        return Packet(0x10, body.ToArray());
    }

    private static void WriteString(Stream stream, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        stream.WriteByte((byte)(bytes.Length >> 8));
        stream.WriteByte((byte)bytes.Length);
        stream.Write(bytes);
    }

    private static byte[] Packet(byte header, byte[] body)
    {
        var length = new List<byte>();
        var remaining = body.Length;
        do
        {
            var digit = (byte)(remaining % 128);
            remaining /= 128;
            length.Add(remaining > 0 ? (byte)(digit | 0x80) : digit);
        }
        while (remaining > 0);
        return [header, .. length, .. body];
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.Connected)
            {
                await _socket.SendAsync(new byte[] { 0xE0, 0x00 }, SocketFlags.None); // DISCONNECT
                _socket.Shutdown(SocketShutdown.Both);
            }
        }
        catch (SocketException)
        {
        }
        _socket.Dispose();
        _sendLock.Dispose();
        if (_reader is not null)
        {
            await _reader;
        }
    }
}
