using Microsoft.AspNetCore.Mvc.Testing;
using OneStop.Feedback.Dashboard.Fonts;

namespace OneStop.Feedback.Dashboard.Tests.Charts;

/// <summary>Without DejaVu, ScottPlot would draw charts with no text and no error: the dashboard refuses instead.</summary>
public class ChartFontsTests
{
    [Fact]
    public void MissingFontIsAnErrorThatSaysHowToInstallIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ChartFonts.Register("/nonexistent/fonts"));

        Assert.Contains("apt-get install fonts-dejavu-core", error.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/fonts/DejaVuSans.ttf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ServerRefusesToStartWithoutTheFont()
    {
        var data = Directory.CreateTempSubdirectory("osf-dash").FullName;
        try
        {
            using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            {
                web.UseSetting("Storage:DataDirectory", data);
                web.UseSetting("Mqtt:Port", "0");
                web.UseSetting("Dashboard:FontDirectory", "/nonexistent/fonts");
            });

            var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

            Assert.Contains("fonts-dejavu-core", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
