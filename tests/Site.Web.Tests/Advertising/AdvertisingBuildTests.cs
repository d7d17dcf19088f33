using Site.Engine.Diagnostics;
using Site.Web.Diagnostics;

namespace Site.Web.Tests.Advertising;

/// <summary>
/// The health-advertising rules in a real build: findings at the file, line and column of the words, over the
/// body, the front matter and site.yml, and the profile chosen or extended in site.yml.
/// </summary>
public sealed class AdvertisingBuildTests
{
    private const string Bio = """
        ---
        name: Nicole Tran
        role: Achilles specialist
        credentials: BPhty
        registration: PHY0000000002
        ---
        Nicole is the best physio in town.

        Her program guarantees results for every runner.
        """;

    private static void AssertAt(BuildResult result, string id, Severity severity, string file, string text, string words)
    {
        var (line, column) = TestSite.Position(text, words);
        Assert.Contains(result.Diagnostics, d => d.Id == id && d.Severity == severity && d.Location!.File.EndsWith(file, StringComparison.Ordinal) && d.Location.Line == line && d.Location.Column == column);
    }

    [Fact]
    public async Task The_bio_from_the_issue_fails_at_each_claim()
    {
        using var site = new TestSite(new Dictionary<string, string?> { ["input/authors/nicole.md"] = Bio });
        var result = await site.BuildAsync();
        AssertAt(result, DiagnosticIds.AdSpecialist, Severity.Error, "nicole.md", Bio, "specialist");
        AssertAt(result, DiagnosticIds.AdSuperlative, Severity.Error, "nicole.md", Bio, "best physio");
        AssertAt(result, DiagnosticIds.AdGuarantee, Severity.Error, "nicole.md", Bio, "guarantees");
        var specialist = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.AdSpecialist);
        Assert.Contains("\"specialist\"", specialist.Message, StringComparison.Ordinal);
        Assert.Contains("has a special interest in", specialist.Help, StringComparison.Ordinal);
        Assert.Equal(3, result.Diagnostics.Count(d => d.Id.StartsWith("SITE81", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Code_link_addresses_and_a_cited_claim_are_not_findings()
    {
        const string body = """
            ---
            name: Nicole Tran
            role: Physiotherapist
            credentials: BPhty
            registration: PHY0000000002
            ---
            Type `the best physio` into the search box, or read [this page](/guaranteed-results/).

            Studies show loading helps ([a 2019 review](https://example.org/review)).

            ```
            Risk-free and painless.
            ```
            """;
        using var site = new TestSite(new Dictionary<string, string?> { ["input/authors/nicole.md"] = body, ["input/guaranteed-results.md"] = null });
        var result = await site.BuildAsync();
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("SITE81", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_body_after_front_matter_closed_with_a_trailing_space_is_still_checked()
    {
        var bio = Bio.Replace("PHY0000000002\n---\n", "PHY0000000002\n--- \n", StringComparison.Ordinal);
        using var site = new TestSite(new Dictionary<string, string?> { ["input/authors/nicole.md"] = bio });
        AssertAt(await site.BuildAsync(), DiagnosticIds.AdGuarantee, Severity.Error, "nicole.md", bio, "guarantees");
    }

    [Fact]
    public async Task Site_yml_text_is_checked_at_its_line_and_column()
    {
        var yml = TestSite.SiteYml.Replace("description: A clinic used by the tests,", "description: The leading physiotherapy clinic for the tests,", StringComparison.Ordinal);
        using var site = new TestSite(new Dictionary<string, string?> { ["input/site.yml"] = yml });
        var result = await site.BuildAsync();
        AssertAt(result, DiagnosticIds.AdSuperlative, Severity.Error, "site.yml", yml, "leading physiotherapy");
    }

    [Theory]
    [InlineData("home:\n  heading: The leading physiotherapy clinic in Testville\n")]
    [InlineData("home_title: The leading physiotherapy clinic in Testville\n")]
    public async Task The_home_pages_heading_and_title_in_site_yml_are_checked_at_their_line(string block)
    {
        var yml = TestSite.SiteYml + "\n" + block;
        using var site = new TestSite(new Dictionary<string, string?> { ["input/site.yml"] = yml });
        AssertAt(await site.BuildAsync(), DiagnosticIds.AdSuperlative, Severity.Error, "site.yml", yml, "leading physiotherapy");
    }

    [Fact]
    public async Task A_clinic_file_extends_the_profile_with_phrases_and_severities()
    {
        const string rules = """
            name: Physionorth
            extends: au
            families:
              guarantee:
                match: [bulletproof]
              specialist:
                severity: warning
            """;
        const string article = """
            ---
            title: Hamstring pain in runners
            description: Why runners get pain at the sitting bone and how physiotherapy helps them return.
            date: 2026-11-02
            author: melissa
            conditions: [proximal-hamstring-tendinopathy]
            tags: [running]
            ---
            Build bulletproof hamstrings with a specialist.
            """;
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["input/site.yml"] = TestSite.SiteYml + "\nadvertising: advertising.yml\n",
            ["input/advertising.yml"] = rules,
            ["input/articles/hamstring-pain.md"] = article,
        });
        var result = await site.BuildAsync();
        AssertAt(result, DiagnosticIds.AdGuarantee, Severity.Error, "hamstring-pain.md", article, "bulletproof");
        AssertAt(result, DiagnosticIds.AdSpecialist, Severity.Warning, "hamstring-pain.md", article, "specialist");
    }

    [Fact]
    public async Task A_misspelt_family_or_a_bad_phrase_is_an_error_with_the_fix()
    {
        const string rules = """
            name: Physionorth
            extends: au
            families:
              superlatives:
                match: [finest]
              safety:
                severty: off
              guarantee:
                match: ["... results"]
            """;
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["input/site.yml"] = TestSite.SiteYml + "\nadvertising: advertising.yml\n",
            ["input/advertising.yml"] = rules,
        });
        var result = await site.BuildAsync();
        var errors = result.Diagnostics.Where(d => d.Id == DiagnosticIds.AdRulesInvalid).ToList();
        Assert.Contains(errors, d => d.Location!.Line == 4 && d.Help!.Contains("superlative", StringComparison.Ordinal));
        Assert.Contains(errors, d => d.Location!.Line == 9 && d.Message.Contains("must start with a word", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.UnknownKey && d.Location!.Line == 7 && d.Help!.Contains("severity", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Severity == Severity.Error);
    }

    [Fact]
    public async Task The_uk_profile_makes_a_testimonial_a_warning()
    {
        const string quote = "Patients rave about Melissa's knee rehab.";
        var author = TestSite.Author.Replace("Melissa's bio.", quote, StringComparison.Ordinal);
        using var au = new TestSite(new Dictionary<string, string?> { ["input/authors/melissa.md"] = author });
        AssertAt(await au.BuildAsync(), DiagnosticIds.AdTestimonial, Severity.Error, "melissa.md", author, "Patients rave");
        using var uk = new TestSite(new Dictionary<string, string?> { ["input/authors/melissa.md"] = author, ["input/site.yml"] = TestSite.SiteYml + "\nadvertising: uk\n" });
        AssertAt(await uk.BuildAsync(), DiagnosticIds.AdTestimonial, Severity.Warning, "melissa.md", author, "Patients rave");
    }
}
