using Site.Engine.Diagnostics;
using Site.Web.Diagnostics;

namespace Site.Web.Tests;

/// <summary>Markdown that would reach readers as raw syntax fails the build at its place, with what to write.</summary>
public sealed class UnrenderedMarkdownTests
{
    private static async Task<(List<Diagnostic> Found, string[] Lines)> Build(string body)
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["input/articles/hamstring-pain.md"] = TestSite.Article.Replace("Some text about hamstrings.", "Some text about hamstrings.\n\n" + body, StringComparison.Ordinal),
        });
        var result = await site.BuildAsync();
        var lines = File.ReadAllText(Path.Combine(site.Root, "input", "articles", "hamstring-pain.md")).Split('\n');
        return (result.Diagnostics.Where(d => d.Id == DiagnosticIds.UnrenderedMarkdown).ToList(), lines);
    }

    private static (int Line, int Column) Where(string[] lines, string words)
    {
        var line = Array.FindIndex(lines, l => l.Contains(words, StringComparison.Ordinal));
        Assert.True(line >= 0, $"'{words}' is not in the file");
        return (line + 1, lines[line].IndexOf(words, StringComparison.Ordinal) + 1);
    }

    [Fact]
    public async Task A_link_and_an_image_with_a_space_in_the_address_fail_at_their_place_with_a_fix()
    {
        var (found, lines) = await Build("Read [our guide](/articles/increasing your-running-safely/) first.\n\n![calf raise](/assets/images/IMG_2043 Achilles.png)");
        Assert.Equal(2, found.Count);
        Assert.All(found, d => Assert.Equal(Severity.Error, d.Severity));
        var link = found.Single(d => d.Message.StartsWith("This link", StringComparison.Ordinal));
        Assert.Equal(Where(lines, "[our guide]"), (link.Location!.Line, link.Location.Column));
        Assert.Contains("'/articles/increasing your-running-safely/' has a space", link.Message, StringComparison.Ordinal);
        var image = found.Single(d => d.Message.StartsWith("This image", StringComparison.Ordinal));
        Assert.Equal(Where(lines, "![calf raise]"), (image.Location!.Line, image.Location.Column));
        Assert.Contains("'IMG_2043 Achilles.png' → 'img-2043-achilles.png'", image.Help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_heading_without_its_space_fails_and_says_how_to_write_it()
    {
        var (found, lines) = await Build("##Why it hurts\n\nText.");
        var heading = Assert.Single(found);
        Assert.Equal(Where(lines, "##Why"), (heading.Location!.Line, heading.Location.Column));
        Assert.Contains("Write '## Why it hurts'", heading.Help, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("## Why it hurts")]
    [InlineData("#1 clinic for runners, say our patients.")]
    [InlineData("See [the guide](/articles/x/ \"The guide\") for more.")]
    [InlineData("Type `[a](b c)` to see what happens.")]
    [InlineData("```\n##define X\n[a](b c)\n```")]
    [InlineData("    [a](indented code c)")]
    public async Task Valid_markdown_and_code_are_left_alone(string body)
    {
        var (found, _) = await Build(body);
        Assert.Empty(found);
    }
}
