using OneStop.Feedback.Firmware.Core.Config;
using OneStop.Feedback.Firmware.Core.Outbox;
using OneStop.Feedback.Firmware.Core.Session;
using OneStop.Feedback.Firmware.Tests.Support;

namespace OneStop.Feedback.Firmware.Tests.Session;

public class RatingSessionTests
{
    // 2026-11-28 09:00 in Vietnam (02:00 UTC).
    private const long NineAmVietnam = 1_795_831_200_000;

    private readonly RecordingOutput _output = new();
    private readonly RecordingSink _sink = new();
    private readonly FakeWallClock _clock = new() { Now = NineAmVietnam };

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void QuickModeStoresTheScoreAndThanksOnEveryScale(int scale)
    {
        var session = Create(new TerminalConfig { Scale = scale });

        session.Press(scale, 1000);

        Assert.Equal(SessionState.Thanks, session.State);
        Assert.Equal((scale, scale, (int[]?)null), Assert.Single(_sink.Ratings));
        Assert.Equal("Cảm ơn ông/bà!", _output.Text);
        Assert.Equal(0, _output.LitButtons);
    }

    [Fact]
    public void ThankYouFeedbackIsIdenticalWhateverWasPressed()
    {
        var transcripts = new List<string>();
        for (var button = 1; button <= 5; button++)
        {
            var output = new RecordingOutput();
            var session = new RatingSession(output, new RecordingSink(), _clock);
            session.Tick(0);
            output.Calls.Clear();
            session.Press(button, 1000);
            session.Tick(1000 + RatingSession.ThanksMs);
            transcripts.Add(string.Join("|", output.Calls));
        }

        Assert.Single(transcripts.Distinct());
    }

    [Fact]
    public void ThanksReturnsToTheQuestionAfterItsTime()
    {
        var session = Create(new TerminalConfig());
        session.Press(4, 1000);

        session.Tick(1000 + RatingSession.ThanksMs - 1);
        Assert.Equal(SessionState.Thanks, session.State);
        session.Tick(1000 + RatingSession.ThanksMs);
        Assert.Equal(SessionState.Question, session.State);
        Assert.Equal(5, _output.LitButtons);
    }

    [Fact]
    public void PressesDuringThanksAndBeforeTheMinimumIntervalAreIgnored()
    {
        var session = Create(new TerminalConfig { MinIntervalSeconds = 10 });
        session.Press(5, 1000);
        session.Press(1, 1500);
        session.Tick(1000 + RatingSession.ThanksMs);

        session.Press(1, 10_999);
        Assert.Single(_sink.Ratings);
        session.Press(1, 11_000);

        Assert.Equal(2, _sink.Ratings.Count);
        Assert.Equal(2, session.IgnoredPresses);
    }

    [Fact]
    public void ButtonsAboveTheScaleAreIgnored()
    {
        var session = Create(new TerminalConfig { Scale = 3 });

        session.Press(4, 1000);

        Assert.Empty(_sink.Ratings);
        Assert.Equal(SessionState.Question, session.State);
    }

    [Fact]
    public void FiveCriteriaModeAsksEachCriterionInOrderAndOmitsSkippedOnes()
    {
        var session = Create(new TerminalConfig { Mode = RatingMode.FiveCriteria });
        session.Press(4, 1000);
        Assert.Equal(SessionState.Criteria, session.State);
        Assert.Equal(0, session.CriterionIndex);
        Assert.Equal(Labels.CriterionQuestion(0, "vi"), _output.Text);

        session.Press(5, 2000);
        session.Tick(2000 + RatingSession.StepTimeoutMs);
        Assert.Equal(2, session.CriterionIndex);
        session.Press(3, 13_000);
        session.Press(2, 14_000);
        Assert.Empty(_sink.Ratings);
        session.Press(1, 15_000);

        var rating = Assert.Single(_sink.Ratings);
        Assert.Equal(4, rating.Score);
        Assert.Equal([5, 0, 3, 2, 1], rating.Criteria!);
        Assert.Equal(SessionState.Thanks, session.State);
    }

    [Fact]
    public void FiveCriteriaAllSkippedStillStoresTheScore()
    {
        var session = Create(new TerminalConfig { Mode = RatingMode.FiveCriteria, Scale = 3 });
        session.Press(2, 0);
        for (var i = 1; i <= 5; i++)
        {
            session.Tick(i * RatingSession.StepTimeoutMs);
        }

        var rating = Assert.Single(_sink.Ratings);
        Assert.Equal((3, 2), (rating.Scale, rating.Score));
        Assert.Equal([0, 0, 0, 0, 0], rating.Criteria!);
    }

    [Theory]
    [InlineData(5, 2, true)]
    [InlineData(5, 3, false)]
    [InlineData(4, 1, true)]
    [InlineData(4, 2, false)]
    [InlineData(3, 1, true)]
    [InlineData(3, 2, false)]
    public void FollowUpIsAskedOnlyAfterALowScore(int scale, int score, bool asked)
    {
        var session = Create(new TerminalConfig { Mode = RatingMode.FollowUp, Scale = scale });

        session.Press(score, 1000);

        Assert.Equal(asked ? SessionState.FollowUp : SessionState.Thanks, session.State);
    }

    [Fact]
    public void FollowUpAnswerIsStoredAsThatCriterionEqualToOne()
    {
        var session = Create(new TerminalConfig { Mode = RatingMode.FollowUp, Scale = 3 });
        session.Press(1, 1000);
        Assert.Equal(5, _output.LitButtons);

        session.Press(3, 2000);

        var rating = Assert.Single(_sink.Ratings);
        Assert.Equal([0, 0, 1, 0, 0], rating.Criteria!);
    }

    [Fact]
    public void FollowUpTimeoutStoresTheScoreWithoutCriteria()
    {
        var session = Create(new TerminalConfig { Mode = RatingMode.FollowUp });
        session.Press(1, 1000);

        session.Tick(1000 + RatingSession.StepTimeoutMs);

        Assert.Equal((5, 1, (int[]?)null), Assert.Single(_sink.Ratings));
    }

    [Fact]
    public void RequiredWindowGatesRatingsAndClosesAfterOne()
    {
        var session = Create(new TerminalConfig { RequireWindow = true });
        Assert.Equal(SessionState.Idle, session.State);
        session.Press(5, 1000);
        Assert.Empty(_sink.Ratings);

        session.OpenWindow(120, 2000);
        Assert.Equal(SessionState.Question, session.State);
        session.Press(5, 3000);
        session.Tick(3000 + RatingSession.ThanksMs);

        Assert.Single(_sink.Ratings);
        Assert.Equal(SessionState.Idle, session.State);
    }

    [Fact]
    public void RequiredWindowExpires()
    {
        var session = Create(new TerminalConfig { RequireWindow = true });
        session.OpenWindow(120, 0);

        session.Tick(119_999);
        Assert.Equal(SessionState.Question, session.State);
        session.Tick(120_000);
        Assert.Equal(SessionState.Idle, session.State);
    }

    [Fact]
    public void QuietHoursRefuseRatingsInVietnamTime()
    {
        var lunch = new QuietHours([11 * 60 + 30], [13 * 60]);
        var session = Create(new TerminalConfig { QuietHours = lunch });
        _clock.Now = NineAmVietnam + (2 * 3_600_000) + (30 * 60_000); // 11:30

        session.Tick(1000);
        session.Press(5, 1000);
        Assert.Equal(SessionState.Idle, session.State);
        Assert.Empty(_sink.Ratings);

        _clock.Now = NineAmVietnam + (4 * 3_600_000); // 13:00
        session.Tick(2000);
        Assert.Equal(SessionState.Question, session.State);
    }

    [Fact]
    public void FullOutboxShowsFullInsteadOfThanks()
    {
        _sink.Result = AppendResult.Full;
        var session = Create(new TerminalConfig());

        session.Press(5, 1000);

        Assert.Equal(RatingSession.FullText, _output.Text);
        Assert.Contains("status:" + Core.Session.Feedback.StatusFull, _output.Calls);
    }

    [Fact]
    public void NewConfigAppliesToTheNextQuestion()
    {
        var session = Create(new TerminalConfig());

        session.ApplyConfig(new TerminalConfig { RequireWindow = true }, 10);

        Assert.Equal(SessionState.Idle, session.State);
    }

    [Fact]
    public void ConfigArrivingMidRatingWaitsUntilTheRatingIsDone()
    {
        var session = Create(new TerminalConfig { Mode = RatingMode.FiveCriteria, Scale = 5 });
        session.Press(5, 1000);

        session.ApplyConfig(new TerminalConfig { Scale = 3 }, 1500);
        for (var i = 0; i < 5; i++)
        {
            session.Press(5, 2000 + i);
        }
        Assert.Equal((5, 5), (_sink.Ratings[0].Scale, _sink.Ratings[0].Score));

        session.Tick(2004 + RatingSession.ThanksMs);
        Assert.Equal(3, session.Config.Scale);
        Assert.Equal(3, _output.LitButtons);
    }

    private RatingSession Create(TerminalConfig config)
    {
        var session = new RatingSession(_output, _sink, _clock);
        session.ApplyConfig(config, 0);
        return session;
    }
}
