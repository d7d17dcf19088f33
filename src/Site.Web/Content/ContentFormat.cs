using Site.Engine.Diagnostics;
using Site.Web.Admin;
using Site.Web.Model;

namespace Site.Web.Content;

/// <summary>What <c>site format</c> did, or would do, to one content file.</summary>
/// <param name="File">The path as shown to people.</param>
/// <param name="Changed">The file was not in the editor's layout (and was rewritten, unless only checking).</param>
/// <param name="Problem">Why the file was left as it is, when it could not be laid out without losing something.</param>
public sealed record FormatOutcome(string File, bool Changed, string? Problem);

/// <summary>
/// <c>site format</c>: gives every content file's front matter the layout the editor writes
/// (<see cref="FrontMatterLayout"/>), so a file saved from the editor without changes stays byte for byte the
/// same and a change to one field shows as that field's lines in a pull request. Bodies are never changed, and a
/// file that cannot be laid out without losing something (a comment, say) is left alone with the reason.
/// </summary>
public static class ContentFormat
{
    public static IReadOnlyList<FormatOutcome> Run(SitePaths paths, ContentModel model, bool write)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(model);
        var outcomes = new List<FormatOutcome>();
        var diagnostics = new DiagnosticBag();
        foreach (var kind in model.Kinds)
        {
            var order = EditorConfig.FieldOrder(kind);
            foreach (var file in SourceFiles.Enumerate(paths.FolderOf(kind), paths.Input, paths, diagnostics, "*.md", SearchOption.TopDirectoryOnly))
            {
                outcomes.Add(Format(file, paths, diagnostics, write, (string text, out string? problem) => FrontMatterLayout.Canonical(text, order, out problem)));
            }
        }

        // site.yml, in the order of the editor's settings form.
        if (File.Exists(paths.SiteFile))
        {
            outcomes.Add(Format(paths.SiteFile, paths, diagnostics, write, (string text, out string? problem) => FrontMatterLayout.Document(text, SiteSettingsForm.FieldOrder, out problem)));
        }

        return outcomes;
    }

    private delegate string? LayOut(string text, out string? problem);

    /// <summary>One file laid out, and rewritten (through a temporary file) when asked and when it changes.</summary>
    private static FormatOutcome Format(string file, SitePaths paths, DiagnosticBag diagnostics, bool write, LayOut layOut)
    {
        var shown = paths.Display(file);
        if (SourceText.Read(file, shown, diagnostics) is not { } text)
        {
            return new FormatOutcome(shown, false, "it cannot be read as UTF-8 text; run 'site build' to see where");
        }

        if (layOut(text, out var problem) is not { } laidOut)
        {
            return new FormatOutcome(shown, false, problem);
        }

        var changed = !System.Text.Encoding.UTF8.GetBytes(laidOut).AsSpan().SequenceEqual(File.ReadAllBytes(file));
        if (changed && write)
        {
            var temporary = file + ".format.tmp";
            File.WriteAllText(temporary, laidOut);
            File.Move(temporary, file, overwrite: true);
        }

        return new FormatOutcome(shown, changed, null);
    }
}
