using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using Site.Web.Content;
using Site.Web.Theme;

namespace Site.Web.Images;

/// <summary>A format a photo is published in.</summary>
public enum PictureFormat
{
    Avif,
    WebP,
    Jpeg,
    Png,
}

/// <summary>
/// One photo of <c>input/assets/images/</c> and every file the build makes from it: each width it is resized to,
/// in each format, and its social card. Every name carries a hash of the photo's bytes and of the encoder's
/// settings, so a changed photo gets new addresses (browsers may keep the files for a year) and an unchanged one
/// is found again in the cache.
/// </summary>
public sealed record ImageSet(string Url, string File, string Stem, string Hash, int Width, int Height, ImmutableArray<int> Widths, ImmutableArray<PictureFormat> Formats, PictureFormat Fallback)
{
    /// <summary>Open Graph's recommended social card: 1200 x 630 (1.91 to 1).</summary>
    public const int CardWidth = 1200;

    public const int CardHeight = 630;

    /// <summary>The photo's height when resized to <paramref name="width"/>.</summary>
    public int HeightAt(int width) => Math.Max(1, (int)Math.Round((double)Height * width / Width));

    public string UrlOf(int width, PictureFormat format) =>
        string.Create(CultureInfo.InvariantCulture, $"/{AssetManifest.Folder}/images/{Stem}-{width}.{Hash}{Extension(format)}");

    /// <summary>The card's size: 1200 x 630, or smaller in the same shape when the photo is smaller (never enlarged).</summary>
    public (int Width, int Height) CardSize
    {
        get
        {
            var width = Math.Min(CardWidth, Math.Min(Width, (int)Math.Floor((double)Height * CardWidth / CardHeight)));
            return (Math.Max(1, width), Math.Max(1, (int)Math.Round((double)width * CardHeight / CardWidth)));
        }
    }

    public string CardUrl => $"/{AssetManifest.Folder}/images/{Stem}-card.{Hash}.jpg";

    /// <summary>The cache's name for the original without its metadata (<see cref="PhotoMetadata"/>), published at its own address.</summary>
    public string OriginalName => $"{Stem}-original.{Hash}{Path.GetExtension(File).ToLowerInvariant()}";

    /// <summary>Every resized file, largest first (the order they are encoded in).</summary>
    public IEnumerable<(string Url, int Width, PictureFormat Format)> Files =>
        Widths.Reverse().SelectMany(w => Formats.Append(Fallback).Select(f => (UrlOf(w, f), w, f)));

    public static string Extension(PictureFormat format) => format switch
    {
        PictureFormat.Avif => ".avif",
        PictureFormat.WebP => ".webp",
        PictureFormat.Png => ".png",
        _ => ".jpg",
    };

    public static string MimeType(PictureFormat format) => format switch
    {
        PictureFormat.Avif => "image/avif",
        PictureFormat.WebP => "image/webp",
        PictureFormat.Png => "image/png",
        _ => "image/jpeg",
    };
}

/// <summary>
/// Works out, from a photo's header and site.yml's <c>images:</c>, which files the build makes from it, without
/// decoding it: pages can be written while the photos are still being encoded. Photos (JPEG, PNG, WebP whose bytes
/// say what their names say) are planned; SVG drawings, GIFs and anything unreadable are published as they are.
/// </summary>
public sealed class PicturePlan(ImageSizes sizes, ImageSettings settings)
{
    /// <summary>
    /// Part of every derived file's hash: changing how photos are encoded (quality, effort, the library's version)
    /// must change their names, or browsers and the build cache would keep the old files.
    /// </summary>
    /// (A test holds the libvips version here to the one Directory.Packages.props pins.)
    public const string EncoderSettings = "NetVips.Native 8.18.7; avif q52 effort 0, webp q75 effort 4, jpeg q78 progressive, png 9, card attention q80; srgb; no metadata";

    private readonly ConcurrentDictionary<string, ImageSet?> _sets = new(StringComparer.Ordinal);

    public ImageSettings Settings { get; } = settings;

    public ImageSizes Sizes { get; } = sizes;

    /// <summary>The plan for a root-relative address under /assets/, or null when the file is not a photo the build resizes.</summary>
    public ImageSet? Of(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return _sets.GetOrAdd(url, Plan);
    }

    private ImageSet? Plan(string url)
    {
        if (Sizes.FileOf(url) is not { } file)
        {
            return null;
        }

        if (!ImageKinds.IsResizable(file) || Sizes.Of(url) is not { } size || size.Width < 1 || size.Height < 1)
        {
            return null;
        }

        var widths = Settings.Widths.Where(w => w < size.Width).ToList();
        if (size.Width <= Settings.Widths[^1])
        {
            widths.Add(size.Width);
        }

        var formats = Settings.Formats.Select(f => f == "avif" ? PictureFormat.Avif : PictureFormat.WebP).ToImmutableArray();
        var stem = ContentUrls.Slugify(Path.GetFileNameWithoutExtension(file));
        return new ImageSet(url, file, stem.Length == 0 ? "image" : stem, Hash(file), size.Width, size.Height, [.. widths.Distinct().Order()], formats, ImageKinds.OfExtension(Path.GetExtension(file).ToLowerInvariant()) == ImageKinds.Png ? PictureFormat.Png : PictureFormat.Jpeg);
    }

    private static readonly FileMemo<string> Hashes = new();

    private static string Hash(string file) => Hashes.Get(file, HashFile);

    private static string HashFile(string file)
    {
        var hash = new System.IO.Hashing.XxHash128();
        using (var stream = System.IO.File.OpenRead(file))
        {
            hash.Append(stream);
        }

        hash.Append(System.Text.Encoding.UTF8.GetBytes(EncoderSettings));
        return Convert.ToHexStringLower(hash.GetCurrentHash())[..10];
    }
}
