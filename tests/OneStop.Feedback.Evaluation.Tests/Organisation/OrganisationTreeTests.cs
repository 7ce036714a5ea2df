using OneStop.Feedback.Evaluation.Calendar;
using OneStop.Feedback.Evaluation.Organisation;
using static OneStop.Feedback.Evaluation.Tests.TestData;

namespace OneStop.Feedback.Evaluation.Tests.Organisation;

public class OrganisationTreeTests
{
    // Province P; communes X and Y merged into ward W on 1 July 2025 (00:00 Vietnam time).
    private static readonly Unit[] Units =
    [
        new("P", "Tỉnh", null, Vn("2020-01-01 00:00:00")),
        new("X", "Xã X", "P", Vn("2020-01-01 00:00:00"), Vn("2025-07-01 00:00:00")),
        new("Y", "Xã Y", "P", Vn("2020-01-01 00:00:00"), Vn("2025-07-01 00:00:00")),
        new("W", "Phường W", "P", Vn("2025-07-01 00:00:00")),
        new("W1", "Bộ phận một cửa W", "W", Vn("2025-07-01 00:00:00")),
    ];

    [Fact]
    public void JuneTreeHasTheOldCommunesAndNotTheNewWard()
    {
        var june = new Month(2025, 6);
        var tree = new OrganisationTree(Units, june.Start, june.End);
        Assert.Equal(["P", "X", "Y"], tree.Units.Select(u => u.Id));
        Assert.Equal(["P", "X", "Y"], tree.Subtree("P"));
    }

    [Fact]
    public void JulyTreeHasTheNewWardAndItsSection()
    {
        var july = new Month(2025, 7);
        var tree = new OrganisationTree(Units, july.Start, july.End);
        Assert.Equal(["P", "W", "W1"], tree.Units.Select(u => u.Id));
        Assert.Equal(["W", "W1"], tree.Subtree("W"));
        Assert.Equal(["W1", "W", "P"], tree.AncestorsAndSelf("W1"));
    }

    [Fact]
    public void MergerInTheMiddleOfAMonthKeepsBothOldAndNewUnitsInThatMonth()
    {
        Unit[] units =
        [
            new("P", "Tỉnh", null, Vn("2020-01-01 00:00:00")),
            new("X", "Xã X", "P", Vn("2020-01-01 00:00:00"), Vn("2025-07-15 00:00:00")),
            new("W", "Phường W", "P", Vn("2025-07-15 00:00:00")),
        ];
        var july = new Month(2025, 7);
        Assert.Equal(["P", "W", "X"], new OrganisationTree(units, july.Start, july.End).Subtree("P"));
        var august = new Month(2025, 8);
        Assert.Equal(["P", "W"], new OrganisationTree(units, august.Start, august.End).Subtree("P"));
    }

    [Fact]
    public void UnitEndingExactlyAtTheMonthStartIsNotInThatMonth()
    {
        var unit = new Unit("X", "Xã X", null, Vn("2020-01-01 00:00:00"), Vn("2025-07-01 00:00:00"));
        var july = new Month(2025, 7);
        Assert.False(unit.IsValidDuring(july.Start, july.End));
        Assert.True(unit.IsValidDuring(new Month(2025, 6).Start, new Month(2025, 6).End));
    }

    [Fact]
    public void ParentNotValidInThePeriodEndsTheAncestorChain()
    {
        Unit[] units =
        [
            new("D", "Huyện", null, Vn("2020-01-01 00:00:00"), Vn("2025-07-01 00:00:00")),
            new("S", "Section", "D", Vn("2020-01-01 00:00:00")),
        ];
        var july = new Month(2025, 7);
        Assert.Equal(["S"], new OrganisationTree(units, july.Start, july.End).AncestorsAndSelf("S"));
    }

    [Fact]
    public void CycleInParentLinksIsCutInsteadOfLoopingForever()
    {
        Unit[] units =
        [
            new("A", "A", "B", Vn("2020-01-01 00:00:00")),
            new("B", "B", "A", Vn("2020-01-01 00:00:00")),
        ];
        var month = new Month(2026, 1);
        Assert.Equal(["A", "B"], new OrganisationTree(units, month.Start, month.End).AncestorsAndSelf("A"));
    }
}
