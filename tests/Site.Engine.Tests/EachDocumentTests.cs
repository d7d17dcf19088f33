using System.Collections.Immutable;
using Site.Engine.Diagnostics;
using Site.Engine.Modules;
using Site.Engine.Pipelines;

namespace Site.Engine.Tests;

public sealed class EachDocumentTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("each-document-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task A_chain_gives_what_the_modules_give_one_after_another()
    {
        var names = Enumerable.Range(0, 200).Select(i => $"doc{i:D3}").ToArray();
        var oneByOne = new Pipeline("a") { Input = [new Produce(names)], Process = [new Shout(), new Suffix("!"), new Split()] };
        var chained = new Pipeline("b") { Input = [new Produce(names)], Process = [new EachDocument(new Shout(), new Suffix("!"), new Split())] };

        var result = await new Engine([oneByOne, chained]).RunAsync(new DiagnosticBag(), Path.Combine(_root, "unused"));

        var expected = Of(result, "a").Select(d => d.Content).ToList();
        Assert.Equal(400, expected.Count);
        Assert.Equal("DOC000!", expected[0]);
        Assert.Equal("DOC000!/copy", expected[1]);
        Assert.Equal(expected, Of(result, "b").Select(d => d.Content));
        Assert.Contains(result.ModuleTimings, t => t.Key == "b/Process/Shout+Suffix+Split");
    }

    [Fact]
    public async Task OnlyWhere_runs_its_module_on_the_documents_the_test_accepts_and_passes_the_others_unchanged()
    {
        var pipeline = new Pipeline("articles")
        {
            Input = [new Produce("keep-a", "skip-b", "keep-c")],
            Process = [new EachDocument(new OnlyWhere(d => d.Content.StartsWith("keep", StringComparison.Ordinal), new Shout()), new Suffix("!"))],
        };

        var result = await new Engine([pipeline]).RunAsync(new DiagnosticBag(), Path.Combine(_root, "unused"));

        Assert.Equal(["KEEP-A!", "skip-b!", "KEEP-C!"], Of(result, "articles").Select(d => d.Content));
        Assert.Contains(result.ModuleTimings, t => t.Key == "articles/Process/Shout+Suffix");
    }

    [Fact]
    public async Task A_failure_inside_a_chain_names_the_module_and_the_document_and_the_others_go_on()
    {
        var diagnostics = new DiagnosticBag();
        var pipeline = new Pipeline("articles") { Input = [new Produce("a", "boom", "c")], Process = [new EachDocument(new Shout(), new Suffix("-"))] };

        var result = await new Engine([pipeline]).RunAsync(diagnostics, Path.Combine(_root, "unused"));

        Assert.Equal(["A-", "C-"], Of(result, "articles").Select(d => d.Content));
        var error = Assert.Single(diagnostics.Sorted());
        Assert.Equal("input/boom.md", error.Location?.File);
        Assert.StartsWith("Shout failed on input/boom.md", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Early_writes_land_in_the_output_folder_and_free_the_content()
    {
        var docs = ImmutableArray.Create(new Document("input/a.md", "a/index.html", "é one"), new Document(null, "b.bin", "") { Bytes = new byte[] { 1, 2, 3 } });
        var pipeline = new Pipeline("pages") { Input = [new Given(docs)], Process = [new WriteEarly(write: true)], Output = [new WriteFiles()] };
        var diagnostics = new DiagnosticBag();

        var result = await new Engine([pipeline]).RunAsync(diagnostics, _root);

        Assert.Empty(diagnostics.Sorted());
        Assert.Equal("é one", File.ReadAllText(Path.Combine(_root, "a", "index.html")));
        Assert.Equal([1, 2, 3], File.ReadAllBytes(Path.Combine(_root, "b.bin")));
        Assert.All(Of(result, "pages"), d => Assert.True(d.Written && d.Content.Length == 0 && d.Bytes is null));
    }

    [Theory]
    [InlineData(131_071)] // the emoji's two halves fall on either side of the first slice's end
    [InlineData(131_072)]
    [InlineData(400_000)]
    public async Task A_long_page_is_written_as_the_utf8_of_its_whole_text(int before)
    {
        // Long pages are encoded a slice at a time; characters outside the basic plane are two UTF-16 units, and
        // cutting between them must not turn either into a replacement character.
        var text = new string('a', before) + "\U0001F600 é " + new string('b', 300_000) + "\U0001F600";
        var docs = ImmutableArray.Create(new Document("input/long.md", "long/index.html", text));
        var pipeline = new Pipeline("pages") { Input = [new Given(docs)], Process = [new WriteEarly(write: true)], Output = [new WriteFiles()] };

        await new Engine([pipeline]).RunAsync(new DiagnosticBag(), _root);

        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(text), File.ReadAllBytes(Path.Combine(_root, "long", "index.html")));
    }

    [Fact]
    public async Task A_page_rewritten_in_a_served_folder_is_never_seen_half_written()
    {
        // site serve rebuilds into the folder it serves: a request that arrives while a page is written again
        // must get the old page or the new one whole, never an empty or shortened file.
        var texts = new[] { new string('a', 3_000_000), new string('b', 2_000_000) };
        var page = Path.Combine(_root, "page", "index.html");
        Directory.CreateDirectory(Path.GetDirectoryName(page)!);
        File.WriteAllText(page, texts[1]);
        using var stop = new CancellationTokenSource();
        var seen = new List<string>();
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var text = File.ReadAllText(page);
                if (text != texts[0] && text != texts[1])
                {
                    seen.Add($"{text.Length} characters");
                }
            }
        });

        for (var i = 0; i < 40; i++)
        {
            var docs = ImmutableArray.Create(new Document("input/page.md", "page/index.html", texts[i % 2]));
            var pipeline = new Pipeline("pages") { Input = [new Given(docs)], Process = [new WriteEarly(write: true)], Output = [new WriteFiles()] };
            await new Engine([pipeline]) { OutputIsLive = true }.RunAsync(new DiagnosticBag(), _root);
        }

        await stop.CancelAsync();
        await reader;
        Assert.True(seen.Count == 0, $"read {seen.Count} partial pages, the first {seen.FirstOrDefault()}");
        Assert.Equal(texts[1], File.ReadAllText(page));
        Assert.Equal(["index.html"], Directory.EnumerateFiles(Path.GetDirectoryName(page)!).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Two_early_written_documents_for_one_path_are_still_an_error_naming_both()
    {
        var docs = ImmutableArray.Create(new Document("input/a.md", "a/index.html", "1"), new Document("input/b.md", "a/index.html", "2"));
        var pipeline = new Pipeline("pages") { Input = [new Given(docs)], Process = [new WriteEarly(write: true)], Output = [new WriteFiles()] };
        var diagnostics = new DiagnosticBag();

        await new Engine([pipeline]).RunAsync(diagnostics, _root);

        var error = Assert.Single(diagnostics.Sorted());
        Assert.Equal(EngineDiagnosticIds.OutputCollision, error.Id);
        Assert.Contains("input/a.md and input/b.md", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_early_write_never_leaves_the_output_folder_and_a_check_build_writes_nothing()
    {
        var site = Path.Combine(_root, "site");
        var escape = ImmutableArray.Create(new Document("input/a.md", "../escape.html", "x"));
        var diagnostics = new DiagnosticBag();
        await new Engine([new Pipeline("p") { Input = [new Given(escape)], Process = [new WriteEarly(write: true)], Output = [new WriteFiles()] }]).RunAsync(diagnostics, site);
        Assert.Equal(EngineDiagnosticIds.OutputFailed, Assert.Single(diagnostics.Sorted()).Id);
        Assert.False(File.Exists(Path.Combine(_root, "escape.html")));

        var check = ImmutableArray.Create(new Document("input/a.md", "a.html", "x"));
        var result = await new Engine([new Pipeline("p") { Input = [new Given(check)], Process = [new WriteEarly(write: false)] }]).RunAsync(new DiagnosticBag(), site);
        Assert.False(File.Exists(Path.Combine(site, "a.html")));
        Assert.True(Of(result, "p")[0].Written);
    }

    private static ImmutableArray<Document> Of(EngineResult result, string pipeline) => result.Documents.Single(p => p.Key == pipeline).Value;

    private sealed class Suffix(string suffix) : PerDocumentModule
    {
        protected override IEnumerable<Document> Execute(Document document, BuildContext context)
        {
            yield return document with { Content = document.Content + suffix };
        }
    }

    private sealed class Split : PerDocumentModule
    {
        protected override IEnumerable<Document> Execute(Document document, BuildContext context)
        {
            yield return document;
            yield return document with { Content = document.Content + "/copy" };
        }
    }
}
