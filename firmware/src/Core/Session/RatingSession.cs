using OneStop.Feedback.Firmware.Core.Config;
using OneStop.Feedback.Firmware.Core.Outbox;
using OneStop.Feedback.Firmware.Core.Protocol;

namespace OneStop.Feedback.Firmware.Core.Session
{
    /// <summary>
    /// The citizen-facing flow: question → optional "5 biết" or follow-up steps → thank-you → ready again.
    /// Driven by button numbers (1..5) and monotonic ms; the thank-you is identical for every choice so the
    /// officer cannot tell which button was pressed. In the score and criteria steps button b means b (1 = worst);
    /// in the follow-up step button b means criterion b-1 (listen, explain, trust, apologize, thank).
    /// </summary>
    public sealed class RatingSession
    {
        public const int ButtonCount = 5;
        public const long StepTimeoutMs = 10000;
        public const long ThanksMs = 3000;
        public const string FullText = "Bộ nhớ đầy / Storage full";

        private readonly ITerminalOutput _output;
        private readonly IRatingSink _sink;
        private readonly IWallClock _clock;
        private TerminalConfig _config = new TerminalConfig();
        private TerminalConfig _pendingConfig;
        private int _score;
        private int[] _criteria;
        private long _deadline;
        private long _windowUntil = long.MinValue;
        private long _lastRatingAt;
        private bool _hasRated;

        public RatingSession(ITerminalOutput output, IRatingSink sink, IWallClock clock)
        {
            _output = output;
            _sink = sink;
            _clock = clock;
        }

        /// <summary>A <see cref="SessionState"/> constant.</summary>
        public int State { get; private set; } = SessionState.Idle;

        /// <summary>The criterion being asked in the <see cref="SessionState.Criteria"/> state.</summary>
        public int CriterionIndex { get; private set; }

        /// <summary>Presses ignored: quiet hours, no window, too soon after the last rating, or off the scale.</summary>
        public int IgnoredPresses { get; private set; }

        public TerminalConfig Config => _config;

        /// <summary>Takes a new config; a rating in progress finishes first, the next one uses it.</summary>
        public void ApplyConfig(TerminalConfig config, long nowMs)
        {
            if (State == SessionState.Idle || State == SessionState.Question)
            {
                _config = config;
                Settle(nowMs);
            }
            else
            {
                // The score was given on the old scale; switching now could store it off the new one.
                _pendingConfig = config;
            }
        }

        /// <summary>The server opened a rating window (a service event happened at this counter).</summary>
        public void OpenWindow(int seconds, long nowMs)
        {
            _windowUntil = nowMs + (seconds * 1000L);
            if (State == SessionState.Idle || State == SessionState.Question)
            {
                Settle(nowMs);
            }
        }

        /// <summary>Call often (e.g. every 100 ms): runs timeouts, windows and quiet hours.</summary>
        public void Tick(long nowMs)
        {
            switch (State)
            {
                case SessionState.Criteria:
                    if (nowMs >= _deadline)
                    {
                        NextCriterion(nowMs);
                    }
                    break;
                case SessionState.FollowUp:
                    if (nowMs >= _deadline)
                    {
                        Finish(nowMs);
                    }
                    break;
                case SessionState.Thanks:
                    if (nowMs >= _deadline)
                    {
                        State = SessionState.Idle;
                        if (_pendingConfig != null)
                        {
                            _config = _pendingConfig;
                            _pendingConfig = null;
                        }
                        Settle(nowMs);
                    }
                    break;
                default:
                    Settle(nowMs);
                    break;
            }
        }

        /// <summary>A debounced press of button 1..5.</summary>
        public void Press(int button, long nowMs)
        {
            if (State == SessionState.Idle || State == SessionState.Question)
            {
                Settle(nowMs);
            }
            switch (State)
            {
                case SessionState.Question:
                    if (button < 1 || button > _config.Scale || TooSoon(nowMs))
                    {
                        IgnoredPresses++;
                        return;
                    }
                    _output.Beep(Feedback.BeepPress);
                    _score = button;
                    _criteria = null;
                    AfterScore(nowMs);
                    break;
                case SessionState.Criteria:
                    if (button < 1 || button > _config.Scale)
                    {
                        IgnoredPresses++;
                        return;
                    }
                    _output.Beep(Feedback.BeepPress);
                    _criteria[CriterionIndex] = button;
                    NextCriterion(nowMs);
                    break;
                case SessionState.FollowUp:
                    if (button < 1 || button > Criterion.Count)
                    {
                        IgnoredPresses++;
                        return;
                    }
                    _output.Beep(Feedback.BeepPress);
                    _criteria = new int[Criterion.Count];
                    _criteria[button - 1] = 1;
                    Finish(nowMs);
                    break;
                default:
                    IgnoredPresses++;
                    break;
            }
        }

        /// <summary>Whether a score counts as low enough to ask the follow-up question.</summary>
        public static bool IsLowScore(int score, int scale) => scale == 5 ? score <= 2 : score <= 1;

        private bool TooSoon(long nowMs) => _hasRated && nowMs - _lastRatingAt < _config.MinIntervalSeconds * 1000L;

        private void AfterScore(long nowMs)
        {
            if (_config.Mode == RatingMode.FiveCriteria)
            {
                _criteria = new int[Criterion.Count];
                CriterionIndex = -1;
                NextCriterion(nowMs);
            }
            else if (_config.Mode == RatingMode.FollowUp && IsLowScore(_score, _config.Scale))
            {
                State = SessionState.FollowUp;
                _deadline = nowMs + StepTimeoutMs;
                _output.ShowText(Labels.FollowUpQuestion(_config.Language));
                _output.SetButtonLeds(Criterion.Count);
            }
            else
            {
                Finish(nowMs);
            }
        }

        private void NextCriterion(long nowMs)
        {
            CriterionIndex++;
            if (CriterionIndex >= Criterion.Count)
            {
                Finish(nowMs);
                return;
            }
            State = SessionState.Criteria;
            _deadline = nowMs + StepTimeoutMs;
            _output.ShowText(Labels.CriterionQuestion(CriterionIndex, _config.Language));
            _output.SetButtonLeds(_config.Scale);
        }

        private void Finish(long nowMs)
        {
            int result = _sink.Submit(_config.Scale, _score, _criteria);
            _lastRatingAt = nowMs;
            _hasRated = true;
            _windowUntil = long.MinValue;
            State = SessionState.Thanks;
            _deadline = nowMs + ThanksMs;
            _output.SetButtonLeds(0);
            bool full = result == AppendResult.Full;
            _output.ShowText(full ? FullText : _config.ThanksLabel);
            _output.SetStatusLed(full ? Feedback.StatusFull : Feedback.StatusThanks);
            _output.Beep(Feedback.BeepThanks);
        }

        /// <summary>Moves between Idle and Question as window and quiet hours allow.</summary>
        private void Settle(long nowMs)
        {
            bool accepting = !_config.QuietHours.Contains(_clock.UnixMs()) && (!_config.RequireWindow || nowMs < _windowUntil);
            int wanted = accepting ? SessionState.Question : SessionState.Idle;
            if (wanted == State)
            {
                return;
            }
            State = wanted;
            _output.SetButtonLeds(accepting ? _config.Scale : 0);
            _output.SetStatusLed(accepting ? Feedback.StatusReady : Feedback.StatusIdle);
            _output.ShowText(accepting ? _config.QuestionLabel : "");
        }
    }
}
