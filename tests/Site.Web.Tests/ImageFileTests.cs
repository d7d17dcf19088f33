using System.Buffers.Binary;
using Site.Engine.Diagnostics;
using Site.Web.Diagnostics;

namespace Site.Web.Tests;

/// <summary>
/// Picture files: an SVG that would run or load something when opened, a file that is not the picture its name
/// says, an original over the size budget, and a file name with capitals, each reported where it is or is used.
/// </summary>
public sealed class ImageFileTests
{
    private static byte[] Png(int width, int height)
    {
        var bytes = new byte[64];
        new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' }.CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        return bytes;
    }

    private static string ArticleShowing(string address) => TestSite.Article.Replace(
        "Some text about hamstrings.", $"Some text about hamstrings.\n\n![A calf raise on a step]({address})", StringComparison.Ordinal);

    private static void WriteImage(TestSite site, string name, byte[] bytes)
    {
        var folder = Path.Combine(site.Root, "input", "assets", "images");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, name), bytes);
    }

    private static int LineOf(string text, string words) => text.Split('\n').ToList().FindIndex(l => l.Contains(words, StringComparison.Ordinal)) + 1;

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">\n  <rect width=\"10\" height=\"10\" onload=\"alert(1)\"/>\n</svg>", 2, "event handler")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <g>\n    <script>alert(1)</script>\n  </g>\n</svg>", 3, "<script>")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n  <image xlink:href=\"https://tracker.example/pixel.png\"/>\n</svg>", 2, "another file or site")]
    [InlineData("<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<svg xmlns=\"http://www.w3.org/2000/svg\">&x;</svg>", 2, "DOCTYPE")]
    public async Task An_svg_that_would_run_or_load_something_is_an_error_at_its_line(string svg, int line, string says)
    {
        using var site = new TestSite(new Dictionary<string, string?> { ["input/assets/images/logo.svg"] = svg });
        var error = TestSite.SingleError(await site.BuildAsync());
        Assert.Equal(DiagnosticIds.UnsafeSvg, error.Id);
        Assert.EndsWith("logo.svg", error.Location!.File, StringComparison.Ordinal);
        Assert.Equal(line, error.Location.Line);
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_svg_with_internal_references_is_fine()
    {
        const string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 10 10\">\n  <defs><linearGradient id=\"g\"/></defs>\n  <rect width=\"10\" height=\"10\" fill=\"url(#g)\"/>\n  <use xlink:href=\"#g\"/>\n</svg>";
        using var site = new TestSite(new Dictionary<string, string?> { ["input/assets/images/logo.svg"] = svg });
        TestSite.AssertClean(await site.BuildAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_the_picture_its_name_says_is_an_error_where_it_is_used()
    {
        var article = ArticleShowing("/assets/images/calf-raise.jpg");
        using var site = new TestSite(new Dictionary<string, string?> { ["input/articles/hamstring-pain.md"] = article });
        WriteImage(site, "calf-raise.jpg", Png(800, 600));
        var error = TestSite.SingleError(await site.BuildAsync());
        Assert.Equal((DiagnosticIds.ImageWrongType, LineOf(article, "calf raise")), (error.Id, error.Location!.Line));
        Assert.Contains("is really a PNG image", error.Message, StringComparison.Ordinal);
        Assert.Contains("calf-raise.png", error.Help, StringComparison.Ordinal);

        // An iPhone photo saved as HEIC and named .jpg.
        WriteImage(site, "calf-raise.jpg", [0, 0, 0, 24, .. "ftypheic"u8.ToArray(), 0, 0, 0, 0]);
        error = TestSite.SingleError(await site.BuildAsync());
        Assert.Contains("HEIC", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_original_over_the_budget_and_a_name_with_capitals_are_warnings_with_the_fix()
    {
        var article = ArticleShowing("/assets/images/Calf-Raise.png");
        using var site = new TestSite(new Dictionary<string, string?> { ["input/articles/hamstring-pain.md"] = article });
        // A real picture, since the build resizes it; the budget is lowered to keep the test quick.
        using (var black = NetVips.Image.Black(1200, 900, bands: 3))
        {
            WriteImage(site, "Calf-Raise.png", black.PngsaveBuffer());
        }

        site.Write("input/site.yml", TestSite.SiteYml + "\nimages:\n  max_pixels: 1000\n");
        var result = await site.BuildAsync();
        Assert.Equal(0, result.Errors);
        var large = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.ImageTooLarge);
        Assert.Equal((Severity.Warning, LineOf(article, "calf raise")), (large.Severity, large.Location!.Line));
        Assert.Contains("1200 x 900 pixels", large.Message, StringComparison.Ordinal);
        var name = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.ImageFileName);
        Assert.Contains("'calf-raise.png'", name.Help, StringComparison.Ordinal);

        site.Write("input/site.yml", TestSite.SiteYml + "\nimages:\n  max_pixels: 9000\n");
        Assert.DoesNotContain((await site.BuildAsync()).Diagnostics, d => d.Id == DiagnosticIds.ImageTooLarge);
    }
}
