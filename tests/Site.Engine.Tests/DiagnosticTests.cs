using Site.Engine.Diagnostics;

namespace Site.Engine.Tests;

public class DiagnosticTests
{
    [Fact]
    public void Diagnostics_print_in_the_msbuild_shape_editors_make_clickable()
    {
        var d = new Diagnostic("SITE1004", Severity.Error, new SourceLocation("input/articles/x.md", 3, 9), "'date' must be a date.", "For example: date: 2026-11-24");
        Assert.Equal("input/articles/x.md(3,9): error SITE1004: 'date' must be a date. For example: date: 2026-11-24", d.ToString());
    }

    [Fact]
    public void A_file_only_location_prints_the_file_alone()
    {
        var d = new Diagnostic("SITE3001", Severity.Warning, SourceLocation.OfFile("input/a.md"), "Problem.");
        Assert.Equal("input/a.md: warning SITE3001: Problem.", d.ToString());
    }

    [Fact]
    public void Diagnostics_are_sorted_by_file_then_line_then_column()
    {
        var bag = new DiagnosticBag();
        bag.Error("X2", new SourceLocation("b.md", 1, 1), "b");
        bag.Error("X1", new SourceLocation("a.md", 10, 2), "a10");
        bag.Error("X1", new SourceLocation("a.md", 2, 5), "a2");
        bag.Error("X0", null, "global");
        Assert.Equal(["global", "a2", "a10", "b"], bag.Sorted().Select(d => d.Message));
    }
}
