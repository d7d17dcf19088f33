using System.Collections.Immutable;
using Site.Engine;
using Site.Engine.Diagnostics;
using Site.Engine.Pipelines;
using Site.Web.Content;
using Site.Web.Diagnostics;

namespace Site.Web.Modules.Parsing;

/// <summary>
/// Reads every Markdown file of one content folder, in a stable order. In <c>site serve</c>, a file the file
/// watcher did not report as changed keeps the document read in the previous build.
/// </summary>
public sealed class ReadContent(string folder, SitePaths paths, BuildCache? cache = null) : IModule
{
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> documents, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Directory.Exists(folder))
        {
            return ValueTask.FromResult(documents);
        }

        var files = SourceFiles.Enumerate(folder, paths.Input, paths, context.Diagnostics, search: SearchOption.TopDirectoryOnly).ToList();
        var overlay = paths.Overlay;
        if (overlay is not null)
        {
            // An entry the editor has not saved yet is read as if it were in its folder.
            var full = Path.GetFullPath(folder);
            files.AddRange(overlay.Keys.Where(f => Path.GetDirectoryName(f) == full && !files.Contains(f)));
            files.Sort(StringComparer.Ordinal);
        }

        var read = new Document[files.Count];
        // Plain synchronous reads in parallel: for many small files they beat async IO, and they do not
        // wait for the thread pool to warm up on a short build.
        Parallel.For(0, files.Count, new ParallelOptions { CancellationToken = context.CancellationToken }, i =>
        {
            var unsaved = overlay is not null && overlay.TryGetValue(files[i], out var value) ? value : null;
            if (unsaved is null && cache is not null && cache.Unchanged(files[i]) is { } kept)
            {
                read[i] = kept;
                return;
            }

            if ((unsaved ?? SourceText.Read(files[i], paths.Display(files[i]), context.Diagnostics)) is not { } text)
            {
                return;
            }

            read[i] = new Document(paths.Display(files[i]), null, text)
                .With(MetadataKeys.Slug, Path.GetFileNameWithoutExtension(files[i]))
                .With(MetadataKeys.SourcePath, files[i]);
            if (unsaved is null)
            {
                cache?.Remember(files[i], read[i]);
            }
        });

        // Only files that gave a document: one that could not be read (not UTF-8, too large) is forgotten, so a
        // later save of another file does not bring back its text from before it broke.
        cache?.Listed(files.Where((_, i) => read[i] is not null));
        var result = documents.ToBuilder();
        foreach (var document in read.Where(d => d is not null))
        {
            var name = Path.GetFileName(document.Source!);
            if (!name.EndsWith(".md", StringComparison.Ordinal))
            {
                context.Diagnostics.Warning(DiagnosticIds.InvalidFileName, SourceLocation.OfFile(document.Source!), $"'{name}' is not a Markdown file and is ignored.", "Content files end in .md; images belong in input/assets/.");
                continue;
            }

            var slug = document.Get<string>(MetadataKeys.Slug)!;
            if (!ContentUrls.IsSlug(slug))
            {
                var suggestion = ContentUrls.Slugify(slug);
                context.Diagnostics.Error(DiagnosticIds.InvalidFileName, SourceLocation.OfFile(document.Source!), $"The file name '{name}' cannot become a web address.", $"Rename it to '{suggestion}.md'.");
                continue;
            }

            result.Add(document);
        }

        return ValueTask.FromResult(result.ToImmutable());
    }
}
