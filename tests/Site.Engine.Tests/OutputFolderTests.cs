using System.Collections.Immutable;
using Site.Engine.Diagnostics;
using Site.Engine.Modules;
using Site.Engine.Pipelines;

namespace Site.Engine.Tests;

public sealed class OutputFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("output-folder-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Commit_replaces_the_previous_site_and_drops_stale_files()
    {
        var target = Path.Combine(_root, "output");
        Build(target, "new.html");
        Build(target, "other.html");
        Assert.False(File.Exists(Path.Combine(target, "new.html")));
        Assert.True(File.Exists(Path.Combine(target, "other.html")));
        Assert.Equal([".site-output", "output"], Directory.EnumerateFileSystemEntries(_root, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order(StringComparer.Ordinal).Where(n => n is not "other.html"));
    }

    [Fact]
    public void Abandon_leaves_the_previous_site_untouched()
    {
        var target = Path.Combine(_root, "output");
        Build(target, "index.html");
        var before = File.ReadAllBytes(Path.Combine(target, "index.html"));
        Assert.Null(OutputFolder.TryPrepare(target, [], out var folder));
        File.WriteAllText(Path.Combine(folder!.Staging, "index.html"), "half-built");
        folder.Abandon();
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(target, "index.html")));
        Assert.False(Directory.Exists(folder.Staging));
    }

    [Theory]
    [InlineData("input")]
    [InlineData(".")]
    [InlineData("..")]
    public void Protected_folders_and_their_ancestors_are_refused(string relative)
    {
        var input = Path.Combine(_root, "repo", "input");
        Directory.CreateDirectory(input);
        var target = Path.GetFullPath(Path.Combine(_root, "repo", relative));
        var refusal = OutputFolder.TryPrepare(target, [input, Path.Combine(_root, "repo")], out var folder);
        Assert.NotNull(refusal);
        Assert.Null(folder);
        Assert.True(Directory.Exists(input));
    }

    [Fact]
    public void A_folder_of_files_a_build_did_not_write_is_refused()
    {
        var target = Path.Combine(_root, "documents");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "tax-return.pdf"), "precious");
        var refusal = OutputFolder.TryPrepare(target, [], out _);
        Assert.Contains("did not write", refusal, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(target, "tax-return.pdf")));
    }

    [Fact]
    public async Task Two_documents_for_one_path_are_an_error_naming_both()
    {
        var diagnostics = new DiagnosticBag();
        var docs = ImmutableArray.Create(new Document("input/a.md", "a/index.html", "1"), new Document("input/b.md", "a/index.html", "2"));
        var pipeline = new Pipeline("out") { Input = [new Given(docs)], Output = [new WriteFiles()] };
        await new Engine([pipeline]).RunAsync(diagnostics, _root);
        var error = Assert.Single(diagnostics.Sorted());
        Assert.Equal(EngineDiagnosticIds.OutputCollision, error.Id);
        Assert.Contains("input/a.md and input/b.md", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_destination_that_escapes_the_output_folder_is_refused()
    {
        var diagnostics = new DiagnosticBag();
        var pipeline = new Pipeline("out") { Input = [new Given([new Document("input/a.md", "../escape.html", "x")])], Output = [new WriteFiles()] };
        await new Engine([pipeline]).RunAsync(diagnostics, Path.Combine(_root, "site"));
        Assert.Equal(EngineDiagnosticIds.OutputFailed, Assert.Single(diagnostics.Sorted()).Id);
        Assert.False(File.Exists(Path.Combine(_root, "escape.html")));
    }

    private static void Build(string target, string file)
    {
        Assert.Null(OutputFolder.TryPrepare(target, [], out var folder));
        File.WriteAllText(Path.Combine(folder!.Staging, file), file);
        folder.Commit();
    }
}
