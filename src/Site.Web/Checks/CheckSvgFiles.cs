using System.Collections.Immutable;
using System.Xml;
using Site.Engine.Diagnostics;
using Site.Web.Diagnostics;

namespace Site.Web.Checks;

/// <summary>
/// Every SVG the site publishes is a document a browser runs when someone opens its address: one with a
/// script, an event handler (onload=), an embedded HTML page (foreignObject), a reference to another site, or
/// a DOCTYPE (entities can read files or blow up the parser) is an error at its line, whether or not a page
/// uses it. The drawing itself passes through unchanged.
/// </summary>
public sealed class CheckSvgFiles : ISiteCheck
{
    public ImmutableArray<string> Ids { get; } = [DiagnosticIds.UnsafeSvg];

    public ValueTask CheckAsync(SiteToCheck site, CheckReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(report);
        foreach (var file in site.Files.Where(f => f.Bytes is not null && f.Source is not null && f.Destination?.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) == true))
        {
            Check(file.Source!, file.Bytes!.Value, report);
        }

        return ValueTask.CompletedTask;
    }

    public static void Check(string source, ReadOnlyMemory<byte> bytes, CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, MaxCharactersInDocument = 16 * 1024 * 1024 };
        using var reader = XmlReader.Create(new MemoryStream(bytes.ToArray()), settings);
        var info = (IXmlLineInfo)reader;
        void Refuse(string what, string fix) =>
            report.Error(DiagnosticIds.UnsafeSvg, new SourceLocation(source, Math.Max(1, info.LineNumber), Math.Max(1, info.LinePosition)), $"This SVG {what}, which runs or loads something when the file is opened in a browser.", fix);
        try
        {
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (reader.LocalName is "script" or "foreignObject" or "iframe" or "embed" or "object")
                {
                    Refuse($"has a <{reader.LocalName}> element", "Remove the element, or export the drawing again as a plain SVG (in Illustrator or Inkscape: 'plain SVG', without scripts).");
                }

                if (!reader.MoveToFirstAttribute())
                {
                    continue;
                }

                do
                {
                    var name = reader.LocalName;
                    var value = reader.Value.Trim();
                    if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase) && name.Length > 2)
                    {
                        Refuse($"has an event handler ({reader.Name}=\"...\")", "Remove the attribute; a picture needs no code.");
                    }
                    else if (name == "href" && !value.StartsWith('#') && !value.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase))
                    {
                        Refuse($"refers to another file or site ({reader.Name}=\"{Short(value)}\")", "Embed what it shows in the drawing itself, or remove the reference.");
                    }
                    else if (value.Contains("javascript:", StringComparison.OrdinalIgnoreCase) || (value.Contains("url(", StringComparison.OrdinalIgnoreCase) && !value.Contains("url(#", StringComparison.OrdinalIgnoreCase)))
                    {
                        Refuse($"loads something from elsewhere in {reader.Name}=\"{Short(value)}\"", "Keep only references inside the drawing (url(#id)).");
                    }
                }
                while (reader.MoveToNextAttribute());
                reader.MoveToElement();
            }
        }
        catch (XmlException ex)
        {
            var doctype = ex.Message.Contains("DTD", StringComparison.Ordinal);
            var at = new SourceLocation(source, Math.Max(1, ex.LineNumber), Math.Max(1, ex.LinePosition));
            var text = System.Text.Encoding.UTF8.GetString(bytes.Span);
            if (doctype && text.IndexOf("<!DOCTYPE", StringComparison.OrdinalIgnoreCase) is var start and >= 0)
            {
                // The reader stops where it refuses the DTD; the DOCTYPE line is the one to remove.
                at = new SourceLocation(source, text[..start].Count(c => c == '\n') + 1, start - (text.LastIndexOf('\n', Math.Max(0, start - 1)) + 1) + 1);
            }

            report.Error(
                DiagnosticIds.UnsafeSvg,
                at,
                doctype ? "This SVG has a DOCTYPE, whose entities can read other files or make the file enormous when opened." : $"This SVG is not well-formed XML, so browsers may show it differently or not at all: {ex.Message}",
                doctype ? "Remove the <!DOCTYPE ...> line; modern SVG needs none." : "Open it in a drawing program and export it again as plain SVG.");
        }
    }

    private static string Short(string value) => value.Length <= 40 ? value : value[..37] + "...";
}
