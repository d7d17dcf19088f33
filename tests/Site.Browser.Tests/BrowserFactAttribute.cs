namespace Site.Browser.Tests;

/// <summary>
/// A test that needs Chromium. Outside CI, with no Chromium installed, it is reported as skipped with the
/// reason; with CI=true it always runs, so a missing browser fails the build instead of hiding.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(SiteFixture.ChromiumPath) && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = $"Chromium is not installed at {SiteFixture.ChromiumPath} (apt-get install chromium); CI=true makes this a failure instead.";
        }
    }
}

/// <summary>A theory that needs Chromium; see <see cref="BrowserFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (!File.Exists(SiteFixture.ChromiumPath) && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = $"Chromium is not installed at {SiteFixture.ChromiumPath} (apt-get install chromium); CI=true makes this a failure instead.";
        }
    }
}
