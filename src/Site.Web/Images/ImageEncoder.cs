using NetVips;

namespace Site.Web.Images;

/// <summary>
/// Makes the files an <see cref="ImageSet"/> plans, with libvips (NetVips), into a cache folder that outlives the
/// build (<c>.site-cache/images/</c>, kept between Netlify builds): a file already there is never made again, so a
/// rebuild in which no photo changed decodes and encodes nothing.
/// </summary>
/// <remarks>
/// libvips was chosen by measurement (README, "Photos"): it decodes a JPEG at a fraction of its size when it only
/// needs a small copy, streams the rest, and is the only library served here that writes AVIF. Every file is
/// converted to sRGB and stripped of metadata: a phone photo's EXIF can carry where it was taken.
/// </remarks>
public sealed class ImageEncoder(string cacheFolder)
{
    /// <summary>
    /// libvips keeps recent operations and assumes files never change: a photo replaced under the same name (an
    /// editor's re-upload during site serve) would be read from memory as it was. So it keeps none.
    /// </summary>
    private static readonly Lazy<bool> Configured = new(() =>
    {
        Cache.Max = 0;
        return true;
    });

    /// <summary>A cache file no build has used for this long is deleted (Netlify keeps the folder between builds).</summary>
    public static readonly TimeSpan KeepUnused = TimeSpan.FromDays(30);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _used = new(StringComparer.Ordinal);
    private int _encoded;
    private int _reused;

    public string CacheFolder { get; } = cacheFolder;

    /// <summary>Files made by this encoder (all builds of a <c>site serve</c>, or one build).</summary>
    public int Encoded => _encoded;

    /// <summary>Files found already made in the cache.</summary>
    public int Reused => _reused;

    /// <summary>Where the cache keeps the file published at <paramref name="url"/>.</summary>
    public string CacheFileOf(string url) => Path.Combine(CacheFolder, Path.GetFileName(url));

    /// <summary>Makes whatever of the set's files is not in the cache yet.</summary>
    /// <returns>Null, or why the photo could not be read.</returns>
    /// <summary>The original without its metadata, made into the cache once.</summary>
    /// <returns>The cached file, or null with <paramref name="failure"/> saying why.</returns>
    public string? Original(ImageSet set, out string? failure)
    {
        ArgumentNullException.ThrowIfNull(set);
        var path = Path.Combine(CacheFolder, set.OriginalName);
        _used.TryAdd(set.OriginalName, 0);
        failure = null;
        if (File.Exists(path))
        {
            Interlocked.Increment(ref _reused);
            return path;
        }

        try
        {
            Directory.CreateDirectory(CacheFolder);
            var stripped = PhotoMetadata.Strip(File.ReadAllBytes(set.File));
            Save(path, partial => File.WriteAllBytes(partial, stripped));
            return path;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            failure = $"its copies could not be written to {CacheFolder}: {ex.Message.TrimEnd('.')}";
            return null;
        }
    }

    /// <param name="shown">Make the resized copies a page shows.</param>
    /// <param name="card">Make the social card.</param>
    public string? Ensure(ImageSet set, bool shown, bool card)
    {
        ArgumentNullException.ThrowIfNull(set);
        var wanted = shown ? set.Files.ToList() : [];
        foreach (var url in wanted.Select(f => f.Url).Concat(card ? [set.CardUrl] : []))
        {
            _used.TryAdd(Path.GetFileName(url), 0);
        }

        var missing = wanted.Where(f => !File.Exists(CacheFileOf(f.Url))).ToList();
        var cardMissing = card && !File.Exists(CacheFileOf(set.CardUrl));
        Interlocked.Add(ref _reused, wanted.Count - missing.Count + (card && !cardMissing ? 1 : 0));
        if (missing.Count == 0 && !cardMissing)
        {
            return null;
        }

        try
        {
            _ = Configured.Value;
            Directory.CreateDirectory(CacheFolder);
            if (missing.Count > 0)
            {
                Resize(set, missing);
            }

            if (cardMissing)
            {
                var (width, height) = set.CardSize;
                using var cropped = Image.Thumbnail(set.File, width, height: height, crop: Enums.Interesting.Attention, size: Enums.Size.Down);
                using var opaque = Displayable(cropped, opaque: true);
                Save(CacheFileOf(set.CardUrl), path => opaque.Jpegsave(path, q: 80, optimizeCoding: true, interlace: true, keep: Enums.ForeignKeep.None));
            }

            return null;
        }
        catch (VipsException ex)
        {
            return "libvips could not read it: " + (ex.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no reason given");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"its copies could not be written to {CacheFolder}: {ex.Message.TrimEnd('.')}";
        }
    }

    private void Resize(ImageSet set, List<(string Url, int Width, PictureFormat Format)> missing)
    {
        // Decoded once at the largest width needed (a JPEG shrinks while it loads), then each smaller width is made
        // from that copy in memory, largest first.
        var largest = missing.Max(f => f.Width);
        using var loaded = Image.Thumbnail(set.File, largest, height: 1_000_000, size: Enums.Size.Down);
        using var shown = Displayable(loaded, opaque: false);
        using var top = shown.CopyMemory();
        foreach (var group in missing.GroupBy(f => f.Width).OrderByDescending(g => g.Key))
        {
            using var scaled = group.Key >= top.Width ? top.Copy() : top.ThumbnailImage(group.Key, height: 1_000_000, size: Enums.Size.Down);
            foreach (var (url, _, format) in group)
            {
                switch (format)
                {
                    case PictureFormat.Avif:
                        Save(CacheFileOf(url), path => scaled.Heifsave(path, q: 52, compression: Enums.ForeignHeifCompression.Av1, effort: 0, keep: Enums.ForeignKeep.None));
                        break;
                    case PictureFormat.WebP:
                        Save(CacheFileOf(url), path => scaled.Webpsave(path, q: 75, effort: 4, keep: Enums.ForeignKeep.None));
                        break;
                    case PictureFormat.Png:
                        Save(CacheFileOf(url), path => scaled.Pngsave(path, compression: 9, keep: Enums.ForeignKeep.None));
                        break;
                    default:
                        using (var flat = scaled.HasAlpha() ? scaled.Flatten(background: [255, 255, 255]) : scaled.Copy())
                        {
                            Save(CacheFileOf(url), path => flat.Jpegsave(path, q: 78, optimizeCoding: true, interlace: true, keep: Enums.ForeignKeep.None));
                        }

                        break;
                }
            }
        }
    }

    /// <summary>In sRGB, 8 bits a channel, and without transparency when the format has none.</summary>
    private static Image Displayable(Image image, bool opaque)
    {
        var result = image.Interpretation is Enums.Interpretation.Srgb or Enums.Interpretation.Bw ? image.Copy() : image.Colourspace(Enums.Interpretation.Srgb);
        if (result.Interpretation == Enums.Interpretation.Bw)
        {
            var colour = result.Colourspace(Enums.Interpretation.Srgb);
            result.Dispose();
            result = colour;
        }

        if (opaque && result.HasAlpha())
        {
            var flat = result.Flatten(background: [255, 255, 255]);
            result.Dispose();
            result = flat;
        }

        return result;
    }

    /// <summary>
    /// Housekeeping after a build: files it used are marked as used today, and files no build has used for
    /// <see cref="KeepUnused"/> (an old version of a replaced photo, a photo since deleted) are deleted, so the
    /// cache does not grow with every edit. A file it cannot touch or delete is left for next time.
    /// </summary>
    public void Prune(DateTime now)
    {
        if (!Directory.Exists(CacheFolder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(CacheFolder))
        {
            try
            {
                var written = File.GetLastWriteTimeUtc(file);
                if (_used.ContainsKey(Path.GetFileName(file)))
                {
                    if (now - written > TimeSpan.FromDays(1))
                    {
                        File.SetLastWriteTimeUtc(file, now);
                    }
                }
                else if (now - written > KeepUnused)
                {
                    File.Delete(file);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Only housekeeping: the build's files are all in place.
            }
        }
    }

    /// <summary>Writes beside the final name and renames, so a build killed mid-write never leaves half a file in the cache.</summary>
    private void Save(string path, Action<string> write)
    {
        var partial = path + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "." + Environment.CurrentManagedThreadId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".part";
        try
        {
            write(partial);
            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }

        Interlocked.Increment(ref _encoded);
    }
}
