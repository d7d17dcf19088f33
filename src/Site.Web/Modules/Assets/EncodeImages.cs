using System.Collections.Immutable;
using Site.Engine;
using Site.Engine.Diagnostics;
using Site.Engine.Modules;
using Site.Engine.Pipelines;
using Site.Web.Content;
using Site.Web.Diagnostics;
using Site.Web.Images;
using Site.Web.Model;

namespace Site.Web.Modules.Assets;

/// <summary>
/// Every photo a published page shows (image fields, pictures in Markdown, the site's social image) resized and
/// encoded as its <see cref="PicturePlan"/> says, through the cache of <see cref="ImageEncoder"/>, and copied into
/// <c>_assets/images/</c>. It runs beside page rendering: pages need only the plan, not the files.
/// </summary>
/// <param name="write">False for <c>site check</c>, which writes nothing and so encodes nothing; the files are still
/// listed, for the link check.</param>
/// <param name="inPlace">In <c>site serve</c> after its first build: a file already in the output that is the cache's
/// file (a hard link to it) is left as it is.</param>
public sealed class EncodeImages(PicturePlan plan, ImageEncoder encoder, SiteSettings settings, SitePaths paths, bool write, Func<bool>? inPlace = null) : IModule
{
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> documents, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var used = new Dictionary<string, (ImageSet Set, bool Shown, bool Card, SourceLocation? At)>(StringComparer.Ordinal);
        void Use(string? url, bool shown, bool card, SourceLocation? at)
        {
            if (url is null || plan.Of(url.Split('?', '#')[0]) is not { } set)
            {
                return;
            }

            used[set.Url] = used.TryGetValue(set.Url, out var known) ? (set, known.Shown || shown, known.Card || card, known.At ?? at) : (set, shown, card, at);
        }

        foreach (var document in context.DependencyDocuments())
        {
            if (document.Model is not ContentItem { Incomplete: false } item)
            {
                continue;
            }

            foreach (var field in item.Kind.Fields.Where(f => f.Type == FieldType.Image))
            {
                Use(item.TextOf(field.Name), shown: true, card: field.Name == item.Kind.ShareImage, item.LocationOf(field.Name));
            }

            foreach (var link in document.Get(MetadataKeys.Links) ?? [])
            {
                if (link.IsImage)
                {
                    Use(link.Url, shown: true, card: false, link.Location);
                }
            }
        }

        // The clinic's social image is only ever a card (pages without a picture of their own share it).
        Use(settings.SocialImage, shown: false, card: true, null);
        // The home page's photo, beside its heading.
        Use(settings.Home.Image, shown: true, card: false, settings.Home.ImageLocation);
        var sets = used.Values.OrderBy(u => u.Set.Url, StringComparer.Ordinal).ToList();
        var failures = new string?[sets.Count];
        // One photo per core: libvips threads each encode itself, and more photos in flight only add memory
        // (a decoded photo and an AV1 encoder's buffers each), since encoding blocks its thread.
        var parallel = new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, write ? sets.Count : 0, parallel, i =>
        {
            try
            {
                failures[i] = encoder.Ensure(sets[i].Set, sets[i].Shown, sets[i].Card);
            }
            catch (Exception ex) when (ex is TypeInitializationException or DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
            {
                failures[i] = "the image library (libvips) could not be loaded on this machine (its native build is included for Linux x64 only): " + (ex.InnerException ?? ex).Message;
            }
        });

        var result = documents.ToBuilder();
        var written = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < sets.Count; i++)
        {
            var (set, shown, card, at) = sets[i];
            if (failures[i] is { } failure)
            {
                Fail(set, at, failure);
            }

            var urls = shown ? set.Files.Select(f => f.Url).ToList() : [];
            if (card)
            {
                urls.Add(set.CardUrl);
            }

            if (failures[i] is not null)
            {
                // The error above fails the build; the addresses pages already use are listed (nothing is written
                // there) so that the link check does not report each of them a second time.
                result.AddRange(urls.Where(written.Add).Select(url => new Document(paths.Display(set.File), url.TrimStart('/'), "") { Written = true }));
                continue;
            }

            // Two files with the same name and the same bytes in different folders make the same files.
            foreach (var url in urls.Where(written.Add))
            {
                var destination = url.TrimStart('/');
                var target = Path.Combine(context.OutputRoot, destination);
                try
                {
                    if (write)
                    {
                        Publish(encoder.CacheFileOf(url), target);
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    Fail(set, at, $"a copy could not be written to the output: {ex.Message}");
                }

                result.Add(new Document(paths.Display(set.File), destination, "") { Written = true });
            }
        }

        Originals(context, result, [.. sets.Where((_, i) => failures[i] is not null).Select(s => s.Set.File)]);
        // site serve tidies the cache in its first build only: it builds again on every save.
        if (write && inPlace?.Invoke() != true)
        {
            encoder.Prune(DateTime.UtcNow);
        }

        return ValueTask.FromResult(result.ToImmutable());

        void Fail(ImageSet set, SourceLocation? at, string why) => context.Diagnostics.Error(
            DiagnosticIds.ImageNotResized,
            at ?? settings.SocialImageLocation ?? SourceLocation.OfFile(paths.Display(set.File)),
            $"The photo '{Path.GetFileName(set.File)}' could not be resized: {why.TrimEnd('.')}.",
            why.StartsWith("libvips could not read", StringComparison.Ordinal)
                ? "Open it in a photo editor and export it again as JPEG, then build again."
                : "Make the folder writable or free some disk space, then build again.");
    }

    /// <summary>
    /// Every photo in <c>input/assets/</c> (used or not) is also published at its own address, for links to it,
    /// the content API and other sites, without the metadata its camera wrote: made once into the cache.
    /// </summary>
    private void Publish(string cached, string target)
    {
        if (inPlace?.Invoke() == true && File.Exists(target))
        {
            // The same file under two names has one length and one modification time.
            var (a, b) = (new FileInfo(cached), new FileInfo(target));
            if (a.Length == b.Length && a.LastWriteTimeUtc == b.LastWriteTimeUtc)
            {
                return;
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        OutputFolder.LinkOrCopy(cached, target);
    }

    /// <param name="failed">Photos already reported as not resized: their original's failure is not reported again.</param>
    private void Originals(BuildContext context, ImmutableArray<Document>.Builder result, HashSet<string> failed)
    {
        var folder = Path.Combine(paths.Input, "assets");
        if (!Directory.Exists(folder))
        {
            return;
        }

        // ReadAssets enumerates the same folder and reports what is wrong in it (a link leading outside).
        var photos = SourceFiles.Enumerate(folder, paths.Input, paths, new DiagnosticBag()).Where(ImageKinds.IsResizable).ToList();
        var published = new Document?[photos.Count];
        Parallel.For(0, photos.Count, new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var destination = "assets/" + Path.GetRelativePath(folder, photos[i]).Replace('\\', '/');
            var set = plan.Of("/" + Path.GetRelativePath(paths.Input, photos[i]).Replace('\\', '/'));
            if (set is null)
            {
                // A photo whose header cannot be read is not resized; its pages report why. Its file is still
                // published, stripped the same way.
                published[i] = new Document(paths.Display(photos[i]), destination, "") { Bytes = PhotoMetadata.Strip(File.ReadAllBytes(photos[i])) };
                return;
            }

            if (!write)
            {
                published[i] = new Document(paths.Display(photos[i]), destination, "") { Written = true };
                return;
            }

            if (encoder.Original(set, out var failure) is not { } cached)
            {
                if (failed.Contains(photos[i]))
                {
                    return;
                }

                context.Diagnostics.Error(DiagnosticIds.ImageNotResized, SourceLocation.OfFile(paths.Display(photos[i])), $"The photo '{Path.GetFileName(photos[i])}' could not be published: {failure}.", "Make the folder writable or free some disk space, then build again.");
                return;
            }

            var target = Path.Combine(context.OutputRoot, destination);
            try
            {
                Publish(cached, target);
                published[i] = new Document(paths.Display(photos[i]), destination, "") { Written = true };
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                context.Diagnostics.Error(DiagnosticIds.ImageNotResized, SourceLocation.OfFile(paths.Display(photos[i])), $"The photo '{Path.GetFileName(photos[i])}' could not be published: {ex.Message.TrimEnd('.')}.", "Make the output folder writable or free some disk space, then build again.");
            }
        });
        result.AddRange(published.OfType<Document>());
    }
}
