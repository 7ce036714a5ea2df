using OneStop.Feedback.Firmware.Core.Protocol;

namespace OneStop.Feedback.Firmware.Core.Outbox
{
    /// <summary>
    /// Decides what to publish next: the oldest unsent messages, at most <c>window</c> awaiting PUBACK. After a
    /// lost connection everything in flight is forgotten, so sending restarts from the oldest message.
    /// </summary>
    public sealed class OutboxDispatcher
    {
        private readonly Outbox _outbox;
        private readonly uint[] _boots;
        private readonly uint[] _seqs;
        private readonly object _sync = new object();
        private int _inFlight;

        public OutboxDispatcher(Outbox outbox, int window)
        {
            _outbox = outbox;
            _boots = new uint[window < 1 ? 1 : window];
            _seqs = new uint[_boots.Length];
        }

        public int InFlight => _inFlight;

        /// <summary>The next message to publish (now marked in flight), or null when none or the window is full.</summary>
        public TerminalMessage Next()
        {
            lock (_sync)
            {
                if (_inFlight >= _boots.Length)
                {
                    return null;
                }
                for (int i = 0; i < _outbox.Count; i++)
                {
                    TerminalMessage message = _outbox.Get(i);
                    if (IndexInFlight(message.Boot, message.Seq) < 0)
                    {
                        _boots[_inFlight] = message.Boot;
                        _seqs[_inFlight] = message.Seq;
                        _inFlight++;
                        return message;
                    }
                }
                return null;
            }
        }

        /// <summary>PUBACK received: the message leaves the outbox. False for an unknown or repeated ack.</summary>
        public bool Acknowledged(uint boot, uint seq)
        {
            lock (_sync)
            {
                Forget(boot, seq);
                return _outbox.Acknowledge(boot, seq);
            }
        }

        /// <summary>The client gave up on a message (retries exhausted): it stays in the outbox for a later attempt.</summary>
        public void Failed(uint boot, uint seq)
        {
            lock (_sync)
            {
                Forget(boot, seq);
            }
        }

        public void ConnectionLost()
        {
            lock (_sync)
            {
                _inFlight = 0;
            }
        }

        private void Forget(uint boot, uint seq)
        {
            int index = IndexInFlight(boot, seq);
            if (index < 0)
            {
                return;
            }
            for (int i = index; i < _inFlight - 1; i++)
            {
                _boots[i] = _boots[i + 1];
                _seqs[i] = _seqs[i + 1];
            }
            _inFlight--;
        }

        private int IndexInFlight(uint boot, uint seq)
        {
            for (int i = 0; i < _inFlight; i++)
            {
                if (_boots[i] == boot && _seqs[i] == seq)
                {
                    return i;
                }
            }
            return -1;
        }
    }
}
