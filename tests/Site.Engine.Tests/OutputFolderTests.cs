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
        Assert.Equal([".output.lock", ".site-output", "output"], Directory.EnumerateFileSystemEntries(_root, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order(StringComparer.Ordinal).Where(n => n is not "other.html"));
    }

    [Fact]
    public void Abandon_leaves_the_previous_site_untouched()
    {
        var target = Path.Combine(_root, "output");
        Build(target, "index.html");
        var before = File.ReadAllBytes(Path.Combine(target, "index.html"));
        Assert.Null(OutputFolder.TryPrepare(target, [], out var folder));
        using var held = folder!;
        File.WriteAllText(Path.Combine(held.Staging, "index.html"), "half-built");
        held.Abandon();
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(target, "index.html")));
        Assert.False(Directory.Exists(held.Staging));
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

    [Fact]
    public void Replacing_a_site_is_one_atomic_exchange_on_linux()
    {
        var target = Path.Combine(_root, "output");
        Build(target, "old.html");
        var folder = Build(target, "new.html");
        Assert.True(folder.Exchanged, "the swap fell back to two renames");
        Assert.False(Directory.Exists(folder.Staging), "the old site was not deleted");
    }

    [Fact]
    public void Leftovers_of_killed_builds_are_removed_but_unmarked_folders_are_not()
    {
        var target = Path.Combine(_root, "output");
        Build(target, "index.html");
        foreach (var name in new[] { ".output.building-1", ".output.old-2" })
        {
            Directory.CreateDirectory(Path.Combine(_root, name));
            File.WriteAllText(Path.Combine(_root, name, OutputFolder.MarkerName), "");
            File.WriteAllText(Path.Combine(_root, name, "page.html"), "half");
        }

        Directory.CreateDirectory(Path.Combine(_root, ".output.building-mine"));
        File.WriteAllText(Path.Combine(_root, ".output.building-mine", "notes.txt"), "not a build's");
        Build(target, "index.html");
        Assert.Equal([".output.building-mine", "output"], Directory.EnumerateDirectories(_root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_kill_between_the_two_fallback_renames_is_repaired_by_the_next_build()
    {
        var target = Path.Combine(_root, "output");
        Build(target, "index.html");
        Directory.Move(target, Path.Combine(_root, ".output.old-1")); // as if killed right after the first rename
        Assert.Null(OutputFolder.TryPrepare(target, [], out var folder));
        using var held = folder!;
        Assert.True(File.Exists(Path.Combine(target, "index.html")), "the previous site was not put back");
        Assert.False(Directory.Exists(Path.Combine(_root, ".output.old-1")));
    }

    [Fact]
    public void A_second_build_into_the_same_folder_waits_for_the_first()
    {
        var target = Path.Combine(_root, "output");
        Assert.Null(OutputFolder.TryPrepare(target, [], out var first));
        var refusal = OutputFolder.TryPrepare(target, [], out var second, TimeSpan.FromMilliseconds(200));
        Assert.True(refusal?.Contains("Another build is writing to", StringComparison.Ordinal), refusal);
        Assert.Null(second);
        Assert.True(Directory.Exists(first!.Staging), "the waiting build removed the running build's folder");
        first.Dispose();
        Assert.Null(OutputFolder.TryPrepare(target, [], out second, TimeSpan.FromMilliseconds(200)));
        second!.Dispose();
    }

    [Fact]
    public void An_output_folder_that_is_a_link_is_refused_and_what_it_points_to_is_untouched()
    {
        var live = Path.Combine(_root, "www");
        Directory.CreateDirectory(live);
        File.WriteAllText(Path.Combine(live, OutputFolder.MarkerName), "");
        File.WriteAllText(Path.Combine(live, "index.html"), "the live site");
        var target = Path.Combine(_root, "output");
        Directory.CreateSymbolicLink(target, live);
        var refusal = OutputFolder.TryPrepare(target, [], out var folder);
        Assert.Contains("is a link to", refusal, StringComparison.Ordinal);
        Assert.Null(folder);
        Assert.Equal("the live site", File.ReadAllText(Path.Combine(live, "index.html")));
    }

    [Fact]
    public void An_output_path_that_is_a_file_is_refused_with_a_reason()
    {
        var target = Path.Combine(_root, "output");
        File.WriteAllText(target, "x");
        Assert.Contains("is a file", OutputFolder.TryPrepare(target, [], out _), StringComparison.Ordinal);
        Assert.Contains("Could not prepare", OutputFolder.TryPrepare(Path.Combine(target, "site"), [], out _), StringComparison.Ordinal);
    }

    private static OutputFolder Build(string target, string file)
    {
        Assert.Null(OutputFolder.TryPrepare(target, [], out var folder));
        using var held = folder!;
        File.WriteAllText(Path.Combine(folder!.Staging, file), file);
        Assert.Null(folder.Commit(out var leftover));
        Assert.Null(leftover);
        return folder;
    }
}
