using System.Text.RegularExpressions;

namespace Site.Web.Tests;

/// <summary>/team/: the practitioners' list page, declared by list: in input/model/author.yml.</summary>
public sealed partial class TeamPageTests(SampleBuild sample) : IClassFixture<SampleBuild>
{
    [GeneratedRegex("<li class=\"card\">(.*?)</li>\\s*(?=<li class=\"card\">|</ul>)", RegexOptions.Singleline)]
    private static partial Regex Card();

    [Fact]
    public void The_team_page_shows_every_practitioner_with_photo_role_registration_services_bio_and_booking()
    {
        var cards = Card().Matches(sample.Read("team/index.html")).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, cards.Count);
        var nicole = Assert.Single(cards, c => c.Contains("Nicole Tran", StringComparison.Ordinal));
        Assert.Contains("src=\"/assets/images/nicole.svg\"", nicole, StringComparison.Ordinal);
        Assert.Contains("Sports physiotherapist", nicole, StringComparison.Ordinal);
        Assert.Contains("PHY0000654321", nicole, StringComparison.Ordinal);
        Assert.Contains("href=\"/services/training-load-review/\"", nicole, StringComparison.Ordinal);
        Assert.Contains("href=\"/authors/nicole/\"", nicole, StringComparison.Ordinal);
        Assert.Contains("<a class=\"button\" href=\"https://book.physionorth.example/nicole\">Book with Nicole</a>", nicole, StringComparison.Ordinal);

        // Melissa has no booking page of her own, and does not provide the training load review.
        var melissa = Assert.Single(cards, c => c.Contains("Melissa Hartley", StringComparison.Ordinal));
        Assert.Contains("<a class=\"button\" href=\"https://book.physionorth.example/\">Book with Melissa</a>", melissa, StringComparison.Ordinal);
        Assert.DoesNotContain("training-load-review", melissa, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_page_links_to_the_team_page_and_a_bio_sits_under_it_in_the_breadcrumbs()
    {
        foreach (var page in sample.HtmlPages())
        {
            Assert.Contains("<a href=\"/team/\"", sample.Read(page), StringComparison.Ordinal);
        }

        var bio = sample.Read("authors/melissa/index.html");
        var crumbs = bio[bio.IndexOf("class=\"breadcrumbs", StringComparison.Ordinal)..bio.IndexOf("</nav>", bio.IndexOf("class=\"breadcrumbs", StringComparison.Ordinal), StringComparison.Ordinal)];
        Assert.Contains("<a href=\"/team/\">Our team</a>", crumbs, StringComparison.Ordinal);
    }
}
