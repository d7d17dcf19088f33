using Site.Engine.Diagnostics;
using Site.Web.Checks;
using Site.Web.Diagnostics;

namespace Site.Web.Tests;

/// <summary>Every build check implements one contract and is registered in one list.</summary>
public class CheckContractTests
{
    private static System.Collections.Immutable.ImmutableArray<ICheck> Registered()
    {
        using var site = new TestSite();
        var paths = SitePaths.From(Path.Combine(site.Root, "input"), Path.Combine(site.Root, "theme"), site.Output, site.Root);
        var settings = SiteBuilder.LoadSettings(paths, new BuildOptions(), new DiagnosticBag())!;
        var model = Site.Web.Model.ContentModel.Load(paths, new DiagnosticBag())!;
        return SiteChecks.Create(model, settings, new LinkOrigins(paths), null);
    }

    [Fact]
    public void Every_registered_check_looks_at_one_thing_and_declares_catalogued_ids()
    {
        var known = DiagnosticIds.All.Select(d => d.Id).ToHashSet();
        var checks = Registered();
        Assert.Equal(16, checks.Length);
        foreach (var check in checks)
        {
            Assert.NotEmpty(check.Ids);
            Assert.All(check.Ids, id => Assert.Contains(id, known));
            var scopes = new[] { check is IItemCheck, check is IPageCheck, check is ISiteCheck }.Count(x => x);
            Assert.True(scopes == 1, $"{check.GetType().Name} must look at exactly one of item, page or site");
        }

        Assert.Equal(checks.Length, checks.Select(c => c.GetType()).Distinct().Count());

        // What site.yml may turn down and items may suppress is exactly what the checks report.
        Assert.Equal(DiagnosticIds.Adjustable.Order(StringComparer.Ordinal), checks.SelectMany(c => c.Ids).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_check_cannot_report_an_id_it_did_not_declare()
    {
        var diagnostics = new DiagnosticBag();
        var report = new CheckReport(new CheckImageAlt(), diagnostics);
        report.Error(DiagnosticIds.MissingAltText, null, "declared");
        var refused = Assert.Throws<InvalidOperationException>(() => report.Error(DiagnosticIds.BrokenLink, null, "not declared"));
        Assert.Contains("CheckImageAlt reported SITE2001", refused.Message, StringComparison.Ordinal);
        Assert.Single(diagnostics.Sorted());
    }
}
