using System.Text.Json;

namespace Site.Cli.Tests;

/// <summary>site model, site new for any kind, and how suppressed findings reach the summary.</summary>
public sealed class ModelCommandTests : IDisposable
{
    private readonly SampleCopy _sample = new();

    public void Dispose() => _sample.Dispose();

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await SiteCommand.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string[] Folders(params string[] extra) =>
        ["--input", _sample.Input, "--theme", _sample.Theme, "--output", Path.Combine(_sample.Root, "output"), .. extra];

    [Fact]
    public async Task Site_model_prints_every_kind_and_field_with_type_required_and_help()
    {
        var (code, output, error) = await Run("model", "--input", _sample.Input);
        Assert.True(code == 0, error);
        foreach (var kind in new[] { "article", "author", "condition", "page", "service" })
        {
            Assert.Contains($"\n{kind} (", "\n" + output, StringComparison.Ordinal);
        }

        Assert.Matches(@"\n  length_minutes\s+required  whole number from 10 to 240\. Typical length of one appointment, in minutes\.\n", output);
        Assert.Matches(@"\n  practitioners\s+required  list of author ids\.", output);
    }

    [Fact]
    public async Task Help_names_the_kinds_of_the_content_model()
    {
        var (code, output, _) = await Run("new", "--input", _sample.Input, "--help");
        Assert.Equal(0, code);
        Assert.Contains("(for site new): article, author, condition, page, service.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Site_model_writes_one_json_schema_per_kind()
    {
        var folder = Path.Combine(_sample.Root, "schemas");
        var (code, _, error) = await Run("model", "--format", "json-schema", "--input", _sample.Input, "--output", folder);
        Assert.True(code == 0, error);
        var files = Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["article.schema.json", "author.schema.json", "condition.schema.json", "page.schema.json", "service.schema.json"], files);
        using var service = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "service.schema.json")));
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", service.RootElement.GetProperty("$schema").GetString());
        Assert.Equal("integer", service.RootElement.GetProperty("properties").GetProperty("length_minutes").GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_broken_model_file_fails_site_model_at_its_line()
    {
        _sample.Edit("input/model/service.yml", "    type: number", "    type: nubmer");
        var line = Array.IndexOf(File.ReadAllLines(Path.Combine(_sample.Input, "model", "service.yml")), "    type: nubmer") + 1;
        var (code, _, error) = await Run("model", "--input", _sample.Input);
        Assert.Equal(1, code);
        Assert.Contains($"service.yml({line},11): error SITE1012: 'nubmer' is not a field type. Did you mean 'number'?", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Site_new_scaffolds_any_kind_of_the_model_as_a_draft_that_builds()
    {
        var (code, output, error) = await Run(["new", "service", "Sports massage", "--author", "melissa", "--input", _sample.Input]);
        Assert.True(code == 0, error);
        Assert.Contains("input/services/sports-massage.md", output.Replace('\\', '/'), StringComparison.Ordinal);
        var text = File.ReadAllText(Path.Combine(_sample.Input, "services", "sports-massage.md"));
        Assert.Contains("practitioners:\n  - melissa", text, StringComparison.Ordinal);
        Assert.Contains("length_minutes: 45", text, StringComparison.Ordinal);
        Assert.Contains("draft: true", text, StringComparison.Ordinal);
        var (built, _, buildError) = await Run(["check", "--drafts", .. Folders()]);
        Assert.True(built == 0, buildError);

        var (unknown, _, unknownError) = await Run(["new", "servce", "Massage", "--input", _sample.Input]);
        Assert.Equal(1, unknown);
        Assert.Contains("Did you mean 'service'?", unknownError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_title_too_long_for_a_file_name_is_a_plain_error_not_a_crash()
    {
        var title = string.Join(' ', Enumerable.Repeat("hamstring", 40));
        var (code, _, error) = await Run(["new", "article", title, "--author", "melissa", "--input", _sample.Input]);
        Assert.Equal(1, code);
        Assert.Contains("could not be written", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_summary_counts_suppressed_findings_and_verbose_lists_their_reasons()
    {
        _sample.Edit("input/pages/about.md", "description: Physionorth is a physiotherapy clinic for runners and active\n  people. Meet the team and find out how we work with you.", "description: About us.\nsuppress: [{id: SITE1009, reason: The page is short on purpose}]");
        var (code, output, error) = await Run(["check", "--warnaserror", .. Folders()]);
        Assert.True(code == 0, error);
        Assert.Contains("0 warning(s), 0 error(s), 1 suppressed (--verbose lists them)", output, StringComparison.Ordinal);
        var (_, verbose, _) = await Run(["check", "--verbose", .. Folders()]);
        Assert.Contains("suppressed: ", verbose, StringComparison.Ordinal);
        Assert.Contains("SITE1009", verbose, StringComparison.Ordinal);
        Assert.Contains("(reason: The page is short on purpose)", verbose, StringComparison.Ordinal);
    }
}
