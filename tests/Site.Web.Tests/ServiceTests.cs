using System.Text.Json;
using System.Text.RegularExpressions;

namespace Site.Web.Tests;

/// <summary>The clinic's services: a kind declared only in input/model/service.yml, with its own layout.</summary>
public sealed partial class ServiceTests(SampleBuild sample) : IClassFixture<SampleBuild>
{
    private const string Base = "https://www.physionorth.example";

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLd();

    [GeneratedRegex("<main id=\"main\" tabindex=\"-1\">(.*)</main>", RegexOptions.Singleline)]
    private static partial Regex MainElement();

    private string MainOf(string path) => MainElement().Match(sample.Read(path)).Groups[1].Value;

    [Fact]
    public void The_sample_has_three_services_listed_at_services()
    {
        Assert.Equal(0, sample.Result.Errors + sample.Result.Warnings);
        var list = MainOf("services/index.html");
        foreach (var id in new[] { "running-injury-assessment", "return-to-running-program", "training-load-review" })
        {
            Assert.Contains($"href=\"/services/{id}/\"", list, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(sample.Output, "services", id, "index.html")), id);
        }
    }

    [Fact]
    public void A_service_page_shows_its_practitioners_with_photos_its_articles_the_disclaimer_and_booking()
    {
        var page = MainOf("services/running-injury-assessment/index.html");
        Assert.Contains("<h1>Running injury assessment</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Usually 60 minutes", page, StringComparison.Ordinal);
        Assert.Contains("src=\"/assets/images/melissa.svg\"", page, StringComparison.Ordinal);
        Assert.Contains("src=\"/assets/images/nicole.svg\"", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/authors/melissa/\">Melissa Hartley</a>", page, StringComparison.Ordinal);

        // Articles about the service's condition, newest first.
        var articles = Regex.Matches(page, "<h3 class=\"card__title\"><a href=\"(/articles/[^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("/articles/proximal-hamstring-tendinopathy-in-runners/", articles);
        Assert.DoesNotContain("/articles/your-first-physiotherapy-appointment/", articles);

        var body = page.IndexOf("data-site=\"body\"", StringComparison.Ordinal);
        var disclaimer = page.IndexOf("data-site=\"disclaimer\"", StringComparison.Ordinal);
        var booking = page.IndexOf("data-site=\"book-now\"", StringComparison.Ordinal);
        Assert.True(body >= 0 && body < disclaimer && disclaimer < booking, "body, disclaimer, book-now in that order");

        // Two practitioners: the clinic's booking page lets the patient choose.
        Assert.Contains("href=\"https://book.physionorth.example/\"", page[booking..], StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_with_one_practitioner_books_with_that_practitioner()
    {
        var page = MainOf("services/training-load-review/index.html");
        var booking = page[page.IndexOf("data-site=\"book-now\"", StringComparison.Ordinal)..];
        Assert.Contains("href=\"https://book.physionorth.example/nicole\"", booking, StringComparison.Ordinal);
        Assert.Contains("Book with Nicole", booking, StringComparison.Ordinal);
    }

    [Fact]
    public void Condition_and_practitioner_pages_list_their_services()
    {
        var condition = MainOf("conditions/proximal-hamstring-tendinopathy/index.html");
        Assert.Contains("Services that can help with Proximal hamstring tendinopathy</h2>", condition, StringComparison.Ordinal);
        Assert.Contains("href=\"/services/training-load-review/\"", condition, StringComparison.Ordinal);

        var melissa = MainOf("authors/melissa/index.html");
        Assert.Contains("Services Melissa Hartley provides</h2>", melissa, StringComparison.Ordinal);
        Assert.Contains("href=\"/services/running-injury-assessment/\"", melissa, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/services/training-load-review/\"", melissa, StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_states_a_schema_org_service_provided_by_the_clinic_and_its_practitioners()
    {
        using var json = JsonDocument.Parse(JsonLd().Match(sample.Read("services/running-injury-assessment/index.html")).Groups[1].Value);
        var graph = json.RootElement.GetProperty("@graph").EnumerateArray().ToList();
        var service = Assert.Single(graph, n => n.GetProperty("@type").ValueKind == JsonValueKind.String && n.GetProperty("@type").GetString() == "Service");
        var providers = service.GetProperty("provider").EnumerateArray().Select(p => p.GetProperty("@id").GetString()).ToList();
        Assert.Equal([$"{Base}/#clinic", $"{Base}/authors/melissa/#person", $"{Base}/authors/nicole/#person"], providers);

        var ids = graph.Select(n => n.GetProperty("@id").GetString()).ToHashSet();
        Assert.Contains($"{Base}/authors/melissa/#person", ids);
        var page = Assert.Single(graph, n => n.GetProperty("@id").GetString() == $"{Base}/services/running-injury-assessment/#webpage");
        Assert.Equal($"{Base}/conditions/proximal-hamstring-tendinopathy/#condition", page.GetProperty("about")[0].GetProperty("@id").GetString());
        Assert.Contains($"{Base}/conditions/proximal-hamstring-tendinopathy/#condition", ids);
    }
}
