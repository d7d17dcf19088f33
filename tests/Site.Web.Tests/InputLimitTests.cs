using System.Text;
using Site.Web.Diagnostics;

namespace Site.Web.Tests;

/// <summary>
/// Files made to exhaust the stack or the clock: each is refused with an error at its file and line, and the
/// process lives on (100,000 nested '[' in front matter used to end it with a segmentation fault).
/// </summary>
public class InputLimitTests
{
    private const string File = "input/articles/hamstring-pain.md";

    private static string Repeat(string text, int count) => new StringBuilder().Insert(0, text, count).ToString();

    private static string NestedList(int levels)
    {
        var text = new StringBuilder();
        for (var i = 0; i < levels; i++)
        {
            text.Append(' ', 2 * i).Append("- level ").Append(i).Append('\n');
        }

        return text.ToString();
    }

    public static TheoryData<string, string, int, string> Hostile => new()
    {
        // name, the article's new text, expected line, words of the message
        { "100,000 '[' in front matter", TestSite.Article.Replace("tags: [running]", "tags: " + Repeat("[", 100_000), StringComparison.Ordinal), 7, "nested more than 32 levels" },
        { "50,000 '{' in front matter", TestSite.Article.Replace("tags: [running]", "tags: " + Repeat("{a: ", 50_000), StringComparison.Ordinal), 7, "nested more than 32 levels" },
        { "500 nested list levels", TestSite.Article + "\n\n" + NestedList(500), 14 + 81, "indented more than 160 columns" },
        { "100,000 '>' quote markers", TestSite.Article + "\n\n" + Repeat(">", 100_000) + " deep\n", 14, "indented more than 160 columns" },
        { "100,000 '[' in the body", TestSite.Article + "\n\nIntro.\n\n" + Repeat("[", 100_000) + "\n", 16, "too deeply" },
        { "a 2 MB article", TestSite.Article + Repeat("All work and no play. ", 100_000), 1, "at most 1,024 KB" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task A_file_built_to_exhaust_the_build_is_an_error_at_its_line(string name, string text, int line, string says)
    {
        using var site = new TestSite(new Dictionary<string, string?> { [File] = text });
        var result = await site.BuildAsync();
        var error = TestSite.SingleError(result);
        Assert.True(error.Location?.File == File && error.Location.Line == line, $"{name}: {error}");
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deep_nesting_in_site_yml_is_an_error_not_a_crash()
    {
        using var site = new TestSite(new Dictionary<string, string?> { ["input/site.yml"] = TestSite.SiteYml + "\nextra: " + Repeat("[", 100_000) + "\n" });
        var error = TestSite.SingleError(await site.BuildAsync());
        Assert.Equal((DiagnosticIds.YamlSyntax, "input/site.yml"), (error.Id, error.Location!.File));
        Assert.Contains("nested more than 32 levels", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("input/articles/hamstring-pain.md")]
    [InlineData("input/site.yml")]
    [InlineData("input/model/article.yml")]
    public async Task Bytes_that_are_not_UTF8_are_an_error_at_their_line_and_column(string file)
    {
        using var site = new TestSite();
        var full = Path.Combine(site.Root, file);
        var lines = System.IO.File.ReadAllText(full).Split('\n');
        // "café" saved as Latin-1 on the second line: é is the single byte 0xE9, which UTF-8 cannot start a character with.
        var bytes = Encoding.UTF8.GetBytes(lines[0] + "\n# caf").Concat(new byte[] { 0xE9 }).Concat(Encoding.UTF8.GetBytes("\n" + string.Join('\n', lines[1..]))).ToArray();
        await System.IO.File.WriteAllBytesAsync(full, bytes);
        var error = TestSite.SingleError(await site.BuildAsync());
        Assert.Equal((DiagnosticIds.InvalidEncoding, file, 2, 6), (error.Id, error.Location!.File, error.Location.Line, error.Location.Column));
        Assert.Contains("0xE9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_byte_order_mark_is_not_an_error()
    {
        using var site = new TestSite();
        var full = Path.Combine(site.Root, File);
        await System.IO.File.WriteAllBytesAsync(full, [0xEF, 0xBB, 0xBF, .. await System.IO.File.ReadAllBytesAsync(full)]);
        TestSite.AssertClean(await site.BuildAsync());
    }

    [Fact]
    public async Task An_invisible_control_character_in_site_yml_is_an_error_at_its_column()
    {
        using var site = new TestSite(new Dictionary<string, string?> { ["input/site.yml"] = TestSite.SiteYml.Replace("name: Test Clinic", "name: Test\u0001 Clinic", StringComparison.Ordinal) });
        var error = TestSite.SingleError(await site.BuildAsync());
        Assert.Equal((DiagnosticIds.YamlSyntax, "input/site.yml", 1, 11), (error.Id, error.Location!.File, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public async Task An_invisible_control_character_in_front_matter_is_an_error_at_its_column()
    {
        using var site = new TestSite(new Dictionary<string, string?> { [File] = TestSite.Article.Replace("title: Hamstring", "title: Ham\u0001string", StringComparison.Ordinal) });
        var error = TestSite.SingleError(await site.BuildAsync());
        Assert.Equal((DiagnosticIds.InvalidEncoding, File, 2, 11), (error.Id, error.Location!.File, error.Location.Line, error.Location.Column));
        Assert.Contains("U+0001", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"Ham\\x01string\"")]
    [InlineData("\"Ham\\0string\"")]
    [InlineData("\"Ham\\u202Estring\"")]
    public async Task An_invisible_character_made_by_an_escape_is_an_error_at_its_value(string title)
    {
        using var site = new TestSite(new Dictionary<string, string?> { [File] = TestSite.Article.Replace("title: Hamstring pain in runners", "title: " + title, StringComparison.Ordinal) });
        var error = TestSite.SingleError(await site.BuildAsync());
        Assert.Equal((DiagnosticIds.YamlSyntax, File, 2), (error.Id, error.Location!.File, error.Location.Line));
        Assert.Contains("invisible character", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData('\u0001')]
    [InlineData('\u000B')]
    [InlineData('\u202E')]
    public async Task An_invisible_control_character_in_the_body_is_an_error_at_its_line_and_column(char hidden)
    {
        using var site = new TestSite(new Dictionary<string, string?> { [File] = TestSite.Article.Replace("Training changes.", $"Training{hidden} changes.", StringComparison.Ordinal) });
        var error = TestSite.SingleError(await site.BuildAsync());
        Assert.Equal((DiagnosticIds.InvalidEncoding, File, 12, 9), (error.Id, error.Location!.File, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public async Task A_file_saved_in_windows_1252_with_curly_quotes_is_an_error_naming_the_encoding_and_the_character()
    {
        using var site = new TestSite();
        var full = Path.Combine(site.Root, File);
        var text = await System.IO.File.ReadAllTextAsync(full);
        // "runners’ heels" and an en dash, as Word saves them in Windows-1252: 0x92 and 0x96.
        var bytes = System.Text.Encoding.Latin1.GetBytes(text.Replace("Some text about hamstrings.", "Some text about runners\u0092 heels \u0096 and calves.", StringComparison.Ordinal));
        await System.IO.File.WriteAllBytesAsync(full, bytes);
        var error = TestSite.SingleError(await site.BuildAsync());
        var lines = text.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains("Some text about hamstrings.", StringComparison.Ordinal)) + 1;
        Assert.Equal((DiagnosticIds.InvalidEncoding, line, "Some text about runners".Length + 1), (error.Id, error.Location!.Line, error.Location.Column));
        Assert.Contains("Windows-1252", error.Message, StringComparison.Ordinal);
        Assert.Contains("is '’'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Save the file as UTF-8", error.Help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_byte_on_the_first_line_after_a_byte_order_mark_is_at_its_own_column()
    {
        using var site = new TestSite();
        var full = Path.Combine(site.Root, File);
        await System.IO.File.WriteAllBytesAsync(full, [0xEF, 0xBB, 0xBF, (byte)'-', (byte)'-', 0xE9, .. await System.IO.File.ReadAllBytesAsync(full)]);
        var error = TestSite.SingleError(await site.BuildAsync());
        Assert.Equal((DiagnosticIds.InvalidEncoding, 1, 3), (error.Id, error.Location!.Line, error.Location.Column));
    }
}
