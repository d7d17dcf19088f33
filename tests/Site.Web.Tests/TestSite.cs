using Site.Engine.Diagnostics;

namespace Site.Web.Tests;

/// <summary>
/// A small site declared inline, written to a temporary folder with the real theme, and built with the real
/// pipeline. Files are given as path → text, in the spirit of Hugo's txtar integration tests.
/// </summary>
public sealed class TestSite : IDisposable
{
    public const string SiteYml = """
        name: Test Clinic
        base_url: https://test.example
        language: en-AU
        time_zone: Australia/Sydney
        description: A clinic used by the tests, with enough words to be a real description.
        clinic:
          street: 1 Test Street
          suburb: Testville
          state: NSW
          postcode: "2000"
          phone: (02) 5550 0000
        booking:
          url: https://book.test.example/
          label: Book now
        disclaimer:
          text: General information only. Get advice before any new exercise.
        """;

    public const string Author = """
        ---
        name: Melissa Hartley
        role: Physiotherapist
        credentials: BPhty
        registration: PHY0000000001
        ---
        Melissa's bio.
        """;

    public const string Condition = """
        ---
        title: Proximal hamstring tendinopathy
        description: Pain where the hamstring tendons attach to the sitting bone, explained simply.
        symptoms: [Pain at the sitting bone]
        treatments: [Strength training]
        ---
        ## Overview details
        The overview.
        """;

    public const string Article = """
        ---
        title: Hamstring pain in runners
        description: Why runners get pain at the sitting bone and how physiotherapy helps them return.
        date: 2026-11-02
        author: melissa
        conditions: [proximal-hamstring-tendinopathy]
        tags: [running]
        ---
        Some text about hamstrings.

        ## What causes it
        Training changes.
        """;

    /// <summary>Another article like <see cref="Article"/>, with its own title and description.</summary>
    public static string ArticleCalled(string name, string? date = null) => Article
        .Replace("title: Hamstring pain in runners", $"title: {name}", StringComparison.Ordinal)
        .Replace("description: Why runners", $"description: {name}, or why runners", StringComparison.Ordinal)
        .Replace("date: 2026-11-02", $"date: {date ?? "2026-11-02"}", StringComparison.Ordinal);

    public const string Disclaimer = """
        ---
        title: Medical disclaimer
        description: The information on this website is general in nature and is not personal advice.
        ---
        General information only.
        """;

    /// <param name="reviews">
    /// Keep the model's clinical-review schedule (<c>review:</c> in article.yml and condition.yml). Off by default:
    /// the small site's article and condition have no review, and only the review tests are about reviews.
    /// </param>
    public TestSite(IDictionary<string, string?>? overrides = null, bool reviews = false)
    {
        Root = Directory.CreateTempSubdirectory("site-test-").FullName;
        var files = new Dictionary<string, string?>
        {
            ["input/site.yml"] = SiteYml,
            ["input/authors/melissa.md"] = Author,
            ["input/conditions/proximal-hamstring-tendinopathy.md"] = Condition,
            ["input/articles/hamstring-pain.md"] = Article,
            ["input/pages/medical-disclaimer.md"] = Disclaimer,
        };
        TestFiles.CopyFolder(Path.Combine(RepositoryRoot, "theme"), Path.Combine(Root, "theme"));
        TestFiles.CopyFolder(Path.Combine(RepositoryRoot, "input", "model"), Path.Combine(Root, "input", "model"));
        if (!reviews)
        {
            foreach (var kind in Directory.GetFiles(Path.Combine(Root, "input", "model"), "*.yml"))
            {
                var model = File.ReadAllText(kind);
                var withoutReview = string.Join('\n', model.Split('\n').Where(l => !l.StartsWith("review:", StringComparison.Ordinal)));
                File.WriteAllText(kind, withoutReview);
            }
        }
        foreach (var (path, text) in overrides ?? new Dictionary<string, string?>())
        {
            files[path] = text;
        }

        foreach (var (path, text) in files)
        {
            Write(path, text);
        }
    }

    public string Root { get; }

    public string Output => Path.Combine(Root, "output");

    public static string RepositoryRoot => TestFiles.RepositoryRoot;

    /// <summary>Writes a file (null deletes it).</summary>
    public void Write(string path, string? text)
    {
        var full = Path.Combine(Root, path);
        if (text is null)
        {
            File.Delete(full);
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text.ReplaceLineEndings("\n"));
    }

    public Task<BuildResult> BuildAsync(BuildOptions? options = null) => SiteBuilder.BuildAsync((options ?? new BuildOptions()) with
    {
        Input = Path.Combine(Root, "input"),
        Theme = Path.Combine(Root, "theme"),
        Output = options?.Output is { } o && o != "output" ? Path.Combine(Root, o) : Output,
        DisplayRoot = Root,
        Now = options?.Now ?? new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero),
    });

    public string ReadOutput(string path) => File.ReadAllText(Path.Combine(Output, path));

    public bool OutputExists(string path) => File.Exists(Path.Combine(Output, path));

    public void Dispose() => Directory.Delete(Root, recursive: true);

    /// <summary>The only error of a build, failing with the full list otherwise.</summary>
    /// <summary>The line and column (1-based) where <paramref name="words"/> first appear in a file's text.</summary>
    public static (int Line, int Column) Position(string text, string words)
    {
        var at = text.IndexOf(words, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{words}' is not in the text");
        return (text[..at].Count(c => c == '\n') + 1, at - (text.LastIndexOf('\n', at) + 1) + 1);
    }

    public static Diagnostic SingleError(BuildResult result)
    {
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        Assert.True(errors.Count == 1, "Expected one error, got:\n" + string.Join("\n", result.Diagnostics));
        return errors[0];
    }

    public static void AssertClean(BuildResult result) =>
        Assert.True(result.Errors == 0 && result.Warnings == 0, string.Join("\n", result.Diagnostics));
}
