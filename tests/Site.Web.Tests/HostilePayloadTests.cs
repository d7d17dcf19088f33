using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Site.Engine.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Site.Web.Tests;

/// <summary>
/// A hostile payload in every value of every content file and of site.yml. Each value either is refused with an
/// error at its own line, or builds; then every page of the built site is parsed with a real HTML parser
/// (AngleSharp), and nothing the payload carries may appear as markup: no element or attribute of its own, no
/// more elements of any kind than the same page has without it. Feeds and JSON must still parse.
/// </summary>
public sealed class HostilePayloadTests : IDisposable
{
    private const string Payload = "Pwn \"q' </script><pwn-tag data-pwn=\"1\">x</pwn-tag><script id=\"pwn\">alert(1)</script><img src=x onerror=\"alert(1)\"><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\"> & end";

    private readonly string _clean = Directory.CreateTempSubdirectory("payload-clean-").FullName;
    private readonly string _hostile = Directory.CreateTempSubdirectory("payload-hostile-").FullName;

    public void Dispose()
    {
        Directory.Delete(_clean, recursive: true);
        Directory.Delete(_hostile, recursive: true);
    }

    /// <summary>One value replaced by the payload: where it is, and the file's text around it.</summary>
    private sealed record Edit(string File, int Start, int End, int ValueLine, int KeyLine, string Replacement);

    [Fact]
    public async Task A_payload_in_every_field_is_refused_at_its_line_or_written_as_text()
    {
        TestFiles.CopySample(_clean);
        TestFiles.CopySample(_hostile);
        var clean = await Build(_clean);
        Assert.True(clean.Errors == 0, string.Join("\n", clean.Diagnostics));

        var originals = Directory.EnumerateFiles(Path.Combine(_hostile, "input"), "*.md", SearchOption.AllDirectories)
            .Append(Path.Combine(_hostile, "input", "site.yml"))
            .ToDictionary(f => Path.GetRelativePath(_hostile, f).Replace('\\', '/'), File.ReadAllText);
        var edits = originals.SelectMany(f => EditsOf(f.Key, f.Value)).ToList();
        Assert.True(edits.Count > 100, $"only {edits.Count} values found to attack");

        // Values a build refuses (a reference, a date, an address) are put back one round at a time; each must
        // have been refused at its own line, which is what a writer would be shown.
        var active = edits.ToHashSet();
        var refused = 0;
        Site.Web.BuildResult result;
        for (var round = 0; ; round++)
        {
            Write(originals, active);
            result = await Build(_hostile);
            var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
            if (errors.Count == 0)
            {
                break;
            }

            Assert.True(round < 10, "values kept being refused after ten rounds:\n" + string.Join("\n", errors));
            var attacked = active.ToList();
            foreach (var error in errors)
            {
                var blamed = attacked.Where(e => e.File == error.Location?.File && (e.ValueLine == error.Location.Line || e.KeyLine == error.Location.Line)).ToList();
                Assert.True(blamed.Count > 0, $"an error not at any attacked value's line: {error}");
                foreach (var edit in blamed)
                {
                    refused += active.Remove(edit) ? 1 : 0;
                }
            }
        }

        Assert.True(active.Count > 40, $"only {active.Count} of {edits.Count} values were accepted, too few to prove escaping");

        var parser = new HtmlParser();
        var pages = 0;
        var shownAsText = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(_hostile, "output"), "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Path.Combine(_hostile, "output"), file);
            var text = await File.ReadAllTextAsync(file);
            switch (Path.GetExtension(file))
            {
                case ".html":
                    pages++;
                    var document = await parser.ParseDocumentAsync(text);
                    shownAsText += document.Body?.TextContent.Contains("<pwn-tag data-pwn=", StringComparison.Ordinal) == true ? 1 : 0;
                    Assert.Empty(document.QuerySelectorAll("pwn-tag, [data-pwn], script#pwn, img[onerror], meta[http-equiv]").Select(e => $"{relative}: {e.OuterHtml}"));
                    Assert.Empty(document.All.SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on", StringComparison.Ordinal)).Select(a => $"{relative}: {a.Name}"));
                    var cleanPage = Path.Combine(_clean, "output", relative);
                    if (File.Exists(cleanPage))
                    {
                        var before = await parser.ParseDocumentAsync(await File.ReadAllTextAsync(cleanPage));
                        Assert.Equal(Shape(before), Shape(document));
                    }

                    break;
                case ".xml":
                    XDocument.Parse(text); // the feeds and sitemap stay well-formed
                    break;
                case ".json":
                    JsonDocument.Parse(text).Dispose();
                    break;
            }
        }

        Assert.True(pages > 20, $"only {pages} pages were checked");
        Assert.True(shownAsText > 10, $"the payload was visible as text on only {shownAsText} pages: the accepted values did not reach the pages");
        Assert.True(refused > 0, "no value was refused: the attack did not reach the validating fields");
    }

    /// <summary>How many elements of each kind a page has, and which attribute names appear at all.</summary>
    private static string Shape(AngleSharp.Dom.IDocument document) =>
        string.Join(", ", document.All.GroupBy(e => e.LocalName).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}"))
        + " | " + string.Join(" ", document.All.SelectMany(e => e.Attributes).Select(a => a.Name).Distinct().Order(StringComparer.Ordinal));

    private static Task<Site.Web.BuildResult> Build(string root) => Site.Web.SiteBuilder.BuildAsync(new Site.Web.BuildOptions
    {
        Input = Path.Combine(root, "input"),
        Theme = Path.Combine(root, "theme"),
        Output = Path.Combine(root, "output"),
        DisplayRoot = root,
        Now = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero),
    });

    private void Write(Dictionary<string, string> originals, HashSet<Edit> active)
    {
        foreach (var (file, text) in originals)
        {
            var result = new StringBuilder(text);
            foreach (var edit in active.Where(e => e.File == file).OrderByDescending(e => e.Start))
            {
                result.Remove(edit.Start, edit.End - edit.Start).Insert(edit.Start, edit.Replacement);
            }

            File.WriteAllText(Path.Combine(_hostile, file), result.ToString());
        }
    }

    /// <summary>Every scalar value (not key) of the file's YAML, each to become its text followed by the payload.</summary>
    private static List<Edit> EditsOf(string file, string text)
    {
        var yamlStart = 0;
        var lineOffset = 0;
        if (file.EndsWith(".md", StringComparison.Ordinal))
        {
            var close = text.IndexOf("\n---", 4, StringComparison.Ordinal);
            Assert.True(text.StartsWith("---\n", StringComparison.Ordinal) && close > 0, $"{file} has no front matter");
            yamlStart = 4;
            lineOffset = 1;
            text = text[..(close + 1)];
        }

        var stream = new YamlStream();
        stream.Load(new StringReader(text[yamlStart..]));
        var found = new List<Edit>();
        void Visit(YamlNode node, int keyLine)
        {
            switch (node)
            {
                case YamlMappingNode map:
                    foreach (var (key, value) in map.Children)
                    {
                        Visit(value, (int)key.Start.Line + lineOffset);
                    }

                    break;
                case YamlSequenceNode list:
                    foreach (var item in list.Children)
                    {
                        Visit(item, keyLine);
                    }

                    break;
                case YamlScalarNode { Value: { } value } scalar:
                    // A plain value folded over several lines keeps its line breaks inside the quotes (YAML reads each
                    // as a space), so every line below it stays where the build's messages say it is.
                    var source = scalar.Style == ScalarStyle.Plain ? text[(yamlStart + (int)scalar.Start.Index)..(yamlStart + (int)scalar.End.Index)] : value;
                    var replacement = "'" + (source + " " + Payload).Replace("'", "''", StringComparison.Ordinal) + "'";
                    found.Add(new Edit(file, yamlStart + (int)scalar.Start.Index, yamlStart + (int)scalar.End.Index, (int)scalar.Start.Line + lineOffset, keyLine, replacement));
                    break;
            }
        }

        Visit(stream.Documents[0].RootNode, 0);
        return found;
    }
}
