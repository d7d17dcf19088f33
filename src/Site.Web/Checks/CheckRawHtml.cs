using System.Collections.Frozen;
using System.Collections.Immutable;
using Site.Engine.Diagnostics;
using Site.Web.Diagnostics;

namespace Site.Web.Checks;

/// <summary>
/// Raw HTML in Markdown may be the harmless inline kind writers use (<c>&lt;kbd&gt;</c>, <c>&lt;sup&gt;</c>,
/// <c>&lt;br&gt;</c>); anything that could run code or reshape the page is an error at its line. The site's
/// Content-Security-Policy would block a script in production, silently; the writer should know at once.
/// </summary>
public sealed class CheckRawHtml : IItemCheck
{
    private static readonly FrozenSet<string> Forbidden = new[]
    {
        "script", "iframe", "frame", "frameset", "object", "embed", "applet", "style", "link", "meta", "base",
        "form", "input", "button", "textarea", "select", "svg", "math", "template", "portal",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> UrlAttributes = new[] { "href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "data" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public ImmutableArray<string> Ids { get; } = [DiagnosticIds.UnsafeHtml];

    public void Check(ItemToCheck item, CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(report);
        foreach (var piece in item.Html)
        {
            foreach (var tag in HtmlTags.Scan(piece.Html))
            {
                var at = LineOf(piece, tag.Offset);
                if (Forbidden.Contains(tag.Name))
                {
                    report.Error(DiagnosticIds.UnsafeHtml, at, $"Content may not contain <{tag.Name.ToLowerInvariant()}>: it could run code or change the page around it, and the site's security policy blocks it anyway.", "Remove it. To embed something, ask a developer to add it to the theme.");
                    continue;
                }

                foreach (var (name, value) in tag.Attributes)
                {
                    if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                    {
                        report.Error(DiagnosticIds.UnsafeHtml, at, $"The attribute '{name}' on <{tag.Name.ToLowerInvariant()}> runs code in the reader's browser.", "Remove the attribute.");
                    }
                    // A javascript: link is already SITE6007 (a link nobody can follow): one mistake, one error.
                    else if (UrlAttributes.Contains(name) && IsScriptAddress(value) && !(name.Equals("href", StringComparison.OrdinalIgnoreCase) && value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)))
                    {
                        report.Error(DiagnosticIds.UnsafeHtml, at, $"The address '{value}' in <{tag.Name.ToLowerInvariant()} {name}> runs code or hides content instead of opening a page.", "Link to a real page or file.");
                    }
                }
            }
        }
    }

    private static bool IsScriptAddress(string value)
    {
        var compact = new string([.. value.Where(ch => !char.IsWhiteSpace(ch) && !char.IsControl(ch))]);
        return compact.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
            || compact.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase)
            || compact.StartsWith("data:", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The line of a tag inside a multi-line HTML block: the block's line plus the line breaks before it.</summary>
    private static SourceLocation LineOf(Modules.Parsing.SourceHtml piece, int offset)
    {
        var breaks = piece.Html.AsSpan(0, Math.Min(offset, piece.Html.Length)).Count('\n');
        return breaks == 0 ? piece.Location : piece.Location with { Line = piece.Location.Line + breaks, Column = 0 };
    }
}
