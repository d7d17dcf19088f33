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
            var folder = paths.FolderOf(kind);
            foreach (var file in SourceFiles.Enumerate(folder, paths.Input, paths, diagnostics, "*.md", SearchOption.TopDirectoryOnly))
            {
                var shown = paths.Display(file);
                if (SourceText.Read(file, shown, diagnostics) is not { } text)
                {
                    outcomes.Add(new FormatOutcome(shown, false, "it cannot be read as UTF-8 text; run 'site build' to see where"));
                    continue;
                }

                var original = File.ReadAllBytes(file);
                if (FrontMatterLayout.Canonical(text, order, out var problem) is not { } laidOut)
                {
                    outcomes.Add(new FormatOutcome(shown, false, problem));
                    continue;
                }

                var changed = !System.Text.Encoding.UTF8.GetBytes(laidOut).AsSpan().SequenceEqual(original);
                if (changed && write)
                {
                    var temporary = file + ".format.tmp";
                    File.WriteAllText(temporary, laidOut);
                    File.Move(temporary, file, overwrite: true);
                }

                outcomes.Add(new FormatOutcome(shown, changed, null));
            }
        }

        // site.yml, in the order of the editor's settings form.
        if (File.Exists(paths.SiteFile) && SourceText.Read(paths.SiteFile, paths.Display(paths.SiteFile), diagnostics) is { } settings)
        {
            var shown = paths.Display(paths.SiteFile);
            if (FrontMatterLayout.Document(settings, SiteSettingsForm.FieldOrder, out var problem) is not { } laidOut)
            {
                outcomes.Add(new FormatOutcome(shown, false, problem));
            }
            else
            {
                var changed = !System.Text.Encoding.UTF8.GetBytes(laidOut).AsSpan().SequenceEqual(File.ReadAllBytes(paths.SiteFile));
                if (changed && write)
                {
                    var temporary = paths.SiteFile + ".format.tmp";
                    File.WriteAllText(temporary, laidOut);
                    File.Move(temporary, paths.SiteFile, overwrite: true);
                }

                outcomes.Add(new FormatOutcome(shown, changed, null));
            }
        }

        return outcomes;
    }
}
