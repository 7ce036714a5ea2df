using OneStop.Feedback.Firmware.Tests.Support;

namespace OneStop.Feedback.Firmware.Tests.IlGuard;

public class NanoIlGuardTests
{
    [Fact]
    public void NanoBuildOfTheCoreUsesNoGenericsMultidimensionalArraysOrPointers()
    {
        var violations = NanoIlGuard.Check(NanoCorePath());

        Assert.True(violations.Count == 0, "nanoFramework 1.x cannot run:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void NanoBuildOfTheCoreReferencesOnlyNanoMscorlib() =>
        Assert.Equal(["mscorlib"], NanoIlGuard.References(NanoCorePath()));

    [Fact]
    public void CompileCheckOfTheFirmwareAppUsesNoGenericsMultidimensionalArraysOrPointers()
    {
        var violations = NanoIlGuard.Check(CompileCheckPath());

        Assert.True(violations.Count == 0, "nanoFramework 1.x cannot run:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void CompileCheckOfTheFirmwareAppReferencesOnlyNanoMscorlibAndTheFacade() =>
        Assert.Equal(["NanoFacade", "mscorlib"], NanoIlGuard.References(CompileCheckPath()).Order(StringComparer.Ordinal));

    [Fact]
    public void GuardReportsGenericsAndMultidimensionalArraysInAnAssemblyThatHasThem()
    {
        // This test assembly uses List<T>, LINQ and the sample below, so the guard must object.
        var violations = NanoIlGuard.Check(typeof(NanoIlGuardTests).Assembly.Location);

        Assert.Contains(violations, v => v.Contains("generic method instantiation", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("!!generic List`1", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("locals of GuardSample.Grid", StringComparison.Ordinal) && v.Contains("multidimensional", StringComparison.Ordinal));
    }

    private static string CompileCheckPath() =>
        NanoOutput("OneStop.Feedback.Firmware.CompileCheck", "OneStop.Feedback.Firmware.dll");

    private static string NanoCorePath() =>
        NanoOutput("OneStop.Feedback.Firmware.Core.Nano", "OneStop.Feedback.Firmware.Core.dll");

    private static string NanoOutput(string project, string dll)
    {
        // bin/<Configuration>/net10.0/ of this test project → the same configuration of the nano project.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var path = Path.Combine(RepositoryPaths.Root, "firmware", project, "bin", configuration, "netstandard2.0", dll);
        Assert.True(File.Exists(path), "nano build missing at " + path + "; build firmware/" + project + " first");
        return path;
    }
}

/// <summary>A multidimensional array local, which nano's MetadataProcessor rejects, for the guard to find.</summary>
internal static class GuardSample
{
    public static int Grid(int n)
    {
        var grid = new int[n, n];
        grid[0, 0] = n;
        return grid[0, 0];
    }
}
