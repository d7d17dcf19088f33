using System.Collections.Immutable;
using Site.Engine.Diagnostics;
using Site.Web.Content;
using Site.Web.Diagnostics;

namespace Site.Web.Tests;

/// <summary>
/// Text never meant for readers: what 'site new' writes into a new item, and the usual placeholders. A draft may
/// hold it; anything else that holds it fails the build at the words.
/// </summary>
public sealed class PlaceholderTests
{
    private static (string Path, string Text) Scaffolded(TestSite site, string kind, string title)
    {
        var paths = SitePaths.From(Path.Combine(site.Root, "input"), Path.Combine(site.Root, "theme"), site.Output, site.Root);
        var (path, error) = Scaffold.Create(paths, new ScaffoldRequest(kind, title), DateTimeOffset.UtcNow);
        Assert.Null(error);
        return (path!, File.ReadAllText(path!));
    }

    [Theory]
    [InlineData("condition", "Achilles tendinopathy", "Replace with a symptom people notice")]
    [InlineData("author", "Sam Lee", "Replace with the AHPRA registration number")]
    [InlineData("author", "Sam Lee", "Replace with qualifications")]
    public async Task A_scaffold_published_with_its_example_text_fails_at_that_text(string kind, string title, string words)
    {
        using var site = new TestSite();
        var (path, text) = Scaffolded(site, kind, title);
        TestSite.AssertClean(await site.BuildAsync(new BuildOptions { Drafts = true })); // a draft may hold it

        File.WriteAllText(path, text.Replace("draft: true\n", "", StringComparison.Ordinal));
        var result = await site.BuildAsync();
        var expected = TestSite.Position(File.ReadAllText(path), words);
        var found = result.Diagnostics.Where(d => d.Id == DiagnosticIds.Placeholder && d.Severity == Severity.Error).ToList();
        Assert.Contains(found, d => (d.Location!.Line, d.Location.Column) == expected && d.Location.File.EndsWith(Path.GetFileName(path), StringComparison.Ordinal));
        // The sentences 'site new' wrote into the body are named too.
        var body = site.Root is var _ ? File.ReadAllText(path).Split("\n---\n", 2)[1] : "";
        var firstSentence = body.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Trim();
        Assert.Contains(found, d => d.Message.Contains(firstSentence.TrimStart('#').Trim(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("TODO: add the exercise photos", true)]
    [InlineData("See the lorem ipsum below.", true)]
    [InlineData("FIXME", true)]
    [InlineData("Keep a todo list of your sessions.", false)]
    [InlineData("Replace old shoes after about 800 km.", false)]
    [InlineData("We will replace with you the plan if it does not suit.", false)]
    public async Task Common_placeholders_in_an_article_fail_at_their_words_and_ordinary_words_do_not(string sentence, bool placeholder)
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["input/articles/hamstring-pain.md"] = TestSite.Article.Replace("Some text about hamstrings.", "Some text about hamstrings.\n\n" + sentence, StringComparison.Ordinal),
        });
        var result = await site.BuildAsync();
        var found = result.Diagnostics.Where(d => d.Id == DiagnosticIds.Placeholder).ToList();
        if (!placeholder)
        {
            Assert.Empty(found);
            return;
        }

        var text = File.ReadAllText(Path.Combine(site.Root, "input", "articles", "hamstring-pain.md"));
        var line = text.Split('\n').ToList().FindIndex(l => l == sentence) + 1;
        var finding = Assert.Single(found);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(line, finding.Location!.Line);
        Assert.Contains("never finished", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_author_with_a_title_gets_an_id_from_the_whole_name_and_the_call_to_action_uses_the_first_name()
    {
        using var site = new TestSite();
        var (path, text) = Scaffolded(site, "author", "Dr Sam O'Brien");
        Assert.Equal("sam-obrien.md", Path.GetFileName(path));
        var finished = text.Replace("draft: true\n", "", StringComparison.Ordinal)
            .Replace("Replace with the AHPRA registration number", "PHY0001234567", StringComparison.Ordinal)
            .Replace("Replace with qualifications, for example Bachelor of Physiotherapy", "Bachelor of Physiotherapy", StringComparison.Ordinal);
        File.WriteAllText(path, finished.Split("\n---\n", 2)[0] + "\n---\n\nSam works mainly with runners and cyclists.\n");
        // A "Dr" who is not a medical practitioner needs the profession beside the name (Ahpra).
        var untitled = TestSite.SingleError(await site.BuildAsync());
        Assert.Equal((DiagnosticIds.AdDoctorTitle, 2, 7), (untitled.Id, untitled.Location!.Line, untitled.Location.Column));
        File.WriteAllText(path, File.ReadAllText(path).Replace("name: Dr Sam O'Brien", "name: Dr Sam O'Brien (Physiotherapist)", StringComparison.Ordinal));
        TestSite.AssertClean(await site.BuildAsync());
        // "Book an appointment online with Melissa, Nicole or Sam": people are called by their first names.
        var names = System.Text.RegularExpressions.Regex.Match(site.ReadOutput("index.html"), "online with ([^<.]*)").Groups[1].Value;
        Assert.Contains("Sam", names, StringComparison.Ordinal);
        Assert.DoesNotContain("Dr", names, StringComparison.Ordinal);
    }
}
