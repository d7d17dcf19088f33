using System.Globalization;
using System.Text;
using Site.Web.Checks.Advertising;
using Xunit.Abstractions;

namespace Site.Web.Tests.Advertising;

/// <summary>
/// The health-advertising rules measured against labelled sentences in the clinic's voice: each line of a
/// corpus is a family name (or 'ok') and a sentence. corpus.tsv was written beside the rules; corpus-independent.tsv
/// was written by someone who never saw them, so its figures are the honest ones. Precision and recall per family
/// are printed (dotnet test --logger "console;verbosity=detailed") and must stay above the floors below.
/// </summary>
public sealed class AdvertisingCorpusTests(ITestOutputHelper output)
{
    /// <summary>The families a sentence fires under the default (Australian) profile.</summary>
    public static HashSet<string> Fired(string sentence)
    {
        var passages = ReaderText.FromMarkdown([sentence], 0);
        return [.. AdvertisingScan.Run(AdvertisingProfile.Default, passages).Select(f => f.Family.Name)];
    }

    public static IEnumerable<(string Label, string Sentence)> Corpus(string name) =>
        File.ReadAllLines(Path.Combine(TestSite.RepositoryRoot, "tests", "Site.Web.Tests", "Advertising", name))
            .Where(l => l.Length > 0)
            .Select(l => l.Split('\t', 2))
            .Select(p => (p[0], p[1]));

    [Fact]
    public void The_example_site_explain_gives_for_each_family_is_a_finding_of_that_family()
    {
        foreach (var (family, id) in AdvertisingProfile.FamilyIds)
        {
            var info = Assert.Single(Site.Web.Diagnostics.DiagnosticIds.All, i => i.Id == id);
            Assert.NotNull(info.Example);
            Assert.Contains(family, Fired(info.Example));
        }
    }

    [Fact]
    public void A_page_of_thousands_of_rule_words_is_scanned_in_linear_time_and_lists_at_most_twenty_per_family()
    {
        // One paragraph and one unpunctuated sentence of 100,000 rule words each: every match would otherwise
        // look through the whole page and sentence for its exceptions again.
        var passages = ReaderText.FromMarkdown([string.Concat(Enumerable.Repeat("voucher ", 100_000)), "", string.Concat(Enumerable.Repeat("testimonial ", 100_000))], 0);
        var findings = AdvertisingScan.Run(AdvertisingProfile.Default, passages);
        Assert.Equal(AdvertisingScan.MostPerFamily, findings.Count(f => f.Family.Name == "inducement"));
        Assert.Equal(AdvertisingScan.MostPerFamily, findings.Count(f => f.Family.Name == "testimonial"));
    }

    [Theory]
    [InlineData("a ... ... b")]
    [InlineData("a b? c? d? e? f? g")]
    [InlineData("a ... b ... c ... d")]
    public void A_phrase_that_could_match_in_too_many_ways_is_refused(string phrase)
    {
        Assert.Null(Phrase.Parse(phrase, out var error));
        Assert.NotNull(error);
    }

    [Theory]
    [InlineData("corpus.tsv", 1.0, 1.0)]
    [InlineData("corpus-independent.tsv", 0.9, 0.9)]
    [InlineData("corpus-independent-2.tsv", 0.75, 0.75)]
    public void Every_family_finds_what_it_should_and_little_else(string name, double precisionFloor, double recallFloor)
    {
        var corpus = Corpus(name).ToList();
        Assert.True(corpus.Count >= 60, $"{name} has {corpus.Count} sentences; the rules need at least 60 to be measured.");
        Assert.True(corpus.Count(c => c.Label == "ok") * 2 >= corpus.Count * 0.8, $"{name}: about half the sentences should be compliant.");
        var families = AdvertisingProfile.FamilyIds.Keys.ToList();
        Assert.All(corpus, c => Assert.True(c.Label == "ok" || families.Contains(c.Label), $"unknown label '{c.Label}'"));
        var results = corpus.Select(c => (c.Label, c.Sentence, Fired: Fired(c.Sentence))).ToList();

        var report = new StringBuilder($"{name}: {corpus.Count} sentences\n| family | labelled | found | true | precision | recall |\n|---|---:|---:|---:|---:|---:|\n");
        var failures = new List<string>();
        foreach (var family in families)
        {
            var labelled = results.Count(r => r.Label == family);
            var found = results.Count(r => r.Fired.Contains(family));
            var correct = results.Count(r => r.Label == family && r.Fired.Contains(family));
            var precision = found == 0 ? 1 : (double)correct / found;
            var recall = labelled == 0 ? 1 : (double)correct / labelled;
            report.Append(CultureInfo.InvariantCulture, $"| {family} | {labelled} | {found} | {correct} | {precision:0.00} | {recall:0.00} |\n");
            Assert.True(labelled >= 4, $"{name} has only {labelled} sentences for {family}.");
            if (precision < precisionFloor || recall < recallFloor)
            {
                failures.Add($"{family}: precision {precision:0.00}, recall {recall:0.00}");
            }
        }

        foreach (var (label, sentence, fired) in results.Where(r => r.Fired.Any(f => f != r.Label) || (r.Label != "ok" && !r.Fired.Contains(r.Label))))
        {
            report.Append(CultureInfo.InvariantCulture, $"  missed or wrong: [{label}] fired [{string.Join(", ", fired)}]: {sentence}\n");
        }

        output.WriteLine(report.ToString());
        Assert.True(failures.Count == 0, string.Join("; ", failures) + "\n" + report);
    }
}
