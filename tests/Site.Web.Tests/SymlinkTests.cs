using Site.Web.Diagnostics;

namespace Site.Web.Tests;

/// <summary>Links in input/ or theme/ that lead outside them are never read or published (git stores links).</summary>
public sealed class SymlinkTests : IDisposable
{
    private readonly string _outside = Directory.CreateTempSubdirectory("site-outside-").FullName;

    public void Dispose() => Directory.Delete(_outside, recursive: true);

    private string Secret(string name)
    {
        var file = Path.Combine(_outside, name);
        File.WriteAllText(file, "SECRET-TOKEN-42");
        return file;
    }

    private static void AssertNotPublished(TestSite site)
    {
        if (Directory.Exists(site.Output))
        {
            Assert.DoesNotContain(Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories), f => File.ReadAllText(f).Contains("SECRET-TOKEN-42", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_link_in_the_assets_to_a_file_outside_is_an_error_at_the_link_and_is_not_published()
    {
        using var site = new TestSite();
        Directory.CreateDirectory(Path.Combine(site.Root, "input", "assets"));
        File.CreateSymbolicLink(Path.Combine(site.Root, "input", "assets", "environ.txt"), Secret("environ"));
        var result = await site.BuildAsync();
        var error = TestSite.SingleError(result);
        Assert.Equal((DiagnosticIds.OutsideSources, "input/assets/environ.txt"), (error.Id, error.Location!.File));
        AssertNotPublished(site);
    }

    [Fact]
    public async Task A_linked_folder_outside_the_assets_is_not_published()
    {
        using var site = new TestSite();
        Secret("secret.txt");
        Directory.CreateDirectory(Path.Combine(site.Root, "input", "assets"));
        Directory.CreateSymbolicLink(Path.Combine(site.Root, "input", "assets", "shared"), _outside);
        var result = await site.BuildAsync();
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.OutsideSources && d.Location!.File == "input/assets/shared/secret.txt");
        AssertNotPublished(site);
    }

    [Fact]
    public async Task A_theme_partial_linked_to_a_file_outside_is_never_included()
    {
        using var site = new TestSite();
        var partial = Path.Combine(site.Root, "theme", "partials", "footer.sbn");
        File.Delete(partial);
        File.CreateSymbolicLink(partial, Secret("footer.sbn"));
        var result = await site.BuildAsync();
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.OutsideSources && d.Location!.File == "theme/partials/footer.sbn");
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("SECRET-TOKEN-42", StringComparison.Ordinal));
        AssertNotPublished(site);
    }

    [Fact]
    public async Task A_content_file_or_site_yml_linked_outside_is_not_read()
    {
        using var site = new TestSite();
        File.CreateSymbolicLink(Path.Combine(site.Root, "input", "articles", "leak.md"), Secret("leak.md"));
        var result = await site.BuildAsync();
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.OutsideSources && d.Location!.File == "input/articles/leak.md");
        AssertNotPublished(site);

        using var other = new TestSite();
        var settings = Path.Combine(other.Root, "input", "site.yml");
        File.Move(settings, Path.Combine(_outside, "site.yml"));
        File.CreateSymbolicLink(settings, Path.Combine(_outside, "site.yml"));
        var error = TestSite.SingleError(await other.BuildAsync());
        Assert.Equal((DiagnosticIds.OutsideSources, "input/site.yml"), (error.Id, error.Location!.File));
    }

    [Fact]
    public async Task A_link_that_stays_inside_input_is_used()
    {
        using var site = new TestSite(new Dictionary<string, string?> { ["input/assets/images/a.svg"] = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>" });
        File.CreateSymbolicLink(Path.Combine(site.Root, "input", "assets", "images", "b.svg"), Path.Combine("..", "images", "a.svg"));
        TestSite.AssertClean(await site.BuildAsync());
        Assert.True(site.OutputExists("assets/images/b.svg"));
    }
}
