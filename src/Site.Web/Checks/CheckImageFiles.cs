using System.Collections.Immutable;
using System.Globalization;
using Site.Engine.Diagnostics;
using Site.Web.Content;
using Site.Web.Diagnostics;
using Site.Web.Model;

namespace Site.Web.Checks;

/// <summary>
/// The picture files an item uses (in its Markdown and its image fields), checked at the line that uses them:
/// a file that is not the kind of image its name says (a HEIC photo named .jpg, a JPEG named .png) is an error;
/// an original over site.yml's size budget, and a file name with spaces or capitals, are warnings with the fix.
/// </summary>
public sealed class CheckImageFiles(ImageSizes images, ImageSettings limits) : IItemCheck
{
    public ImmutableArray<string> Ids { get; } = [DiagnosticIds.ImageTooLarge, DiagnosticIds.ImageWrongType, DiagnosticIds.ImageFileName];

    public void Check(ItemToCheck item, CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(report);
        var uses = item.Links.Where(l => l.IsImage).Select(l => (l.Url, l.Location))
            .Concat(item.Item.Kind.Fields.Where(f => f.Type == FieldType.Image && item.Item.TextOf(f.Name) is not null)
                .Select(f => (Url: item.Item.TextOf(f.Name)!, Location: item.Item.LocationOf(f.Name))));
        foreach (var (url, at) in uses)
        {
            if (images.FileOf(url) is { } file)
            {
                Check(url, file, at, report);
            }
        }
    }

    private void Check(string url, string file, SourceLocation at, CheckReport report)
    {
        var name = Path.GetFileName(file);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        var actual = ImageKinds.Sniff(file);
        var expected = ImageKinds.OfExtension(extension);
        if (expected is not null && actual != expected)
        {
            report.Error(
                DiagnosticIds.ImageWrongType,
                at,
                actual is null
                    ? $"'{name}' is named as {expected.Name} but is not a picture browsers can show{(ImageKinds.IsHeic(file) ? ": it is a HEIC photo, the iPhone's own format" : "")}."
                    : $"'{name}' is named as {expected.Name} but is really {actual.Name}, so some browsers and social sites will not show it.",
                actual is null
                    ? "Export the photo as JPEG (on an iPhone: Settings > Camera > Formats > Most Compatible, or 'Save as JPEG' in your photo editor), then use that file."
                    : $"Rename the file to '{Path.GetFileNameWithoutExtension(name)}{actual.Extension}' and change the address to match.");
            return;
        }

        var bytes = new FileInfo(file).Length;
        var size = images.Of(url);
        if (bytes > limits.MaxMegabytes * 1024L * 1024 || size is { } s && Math.Max(s.Width, s.Height) > limits.MaxPixels)
        {
            report.Warning(
                DiagnosticIds.ImageTooLarge,
                at,
                string.Create(CultureInfo.InvariantCulture, $"'{name}' is {bytes / 1048576.0:0.0} MB{(size is { } d ? $" and {d.Width} x {d.Height} pixels" : "")}, over site.yml's limit of {limits.MaxMegabytes} MB or {limits.MaxPixels} pixels a side; phones would download far more than the page can show."),
                $"Resize it to at most {limits.MaxPixels} pixels on its longest side and save it again (JPEG quality about 80 is plenty).");
        }

        if (name.Contains(' ', StringComparison.Ordinal) || name.Any(char.IsUpper))
        {
            var renamed = ContentUrls.Slugify(Path.GetFileNameWithoutExtension(name)) + extension;
            report.Warning(
                DiagnosticIds.ImageFileName,
                at,
                $"The picture file '{name}' has {(name.Contains(' ', StringComparison.Ordinal) ? "spaces" : "capital letters")} in its name; web addresses are case-sensitive and spaces must be escaped, so links to it break easily.",
                $"Rename it to '{renamed}' and change the address to match.");
        }
    }
}

/// <summary>A kind of picture file: its name for messages and its usual extension.</summary>
public sealed record ImageKind(string Name, string Extension);

/// <summary>Which kind of picture a file really is, from its first bytes, whatever its name says.</summary>
public static class ImageKinds
{
    public static readonly ImageKind Png = new("a PNG image", ".png");
    public static readonly ImageKind Jpeg = new("a JPEG photo", ".jpg");
    public static readonly ImageKind Gif = new("a GIF image", ".gif");
    public static readonly ImageKind WebP = new("a WebP image", ".webp");
    public static readonly ImageKind Avif = new("an AVIF image", ".avif");
    public static readonly ImageKind Svg = new("an SVG drawing", ".svg");

    public static ImageKind? OfExtension(string extension) => extension switch
    {
        ".png" => Png,
        ".jpg" or ".jpeg" => Jpeg,
        ".gif" => Gif,
        ".webp" => WebP,
        ".avif" => Avif,
        ".svg" => Svg,
        _ => null,
    };

    private static byte[] Head(string file)
    {
        using var stream = File.OpenRead(file);
        var head = new byte[256];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return head[..read];
    }

    public static ImageKind? Sniff(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var b = Head(file);
        ReadOnlySpan<byte> h = b;
        if (h.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']))
        {
            return Png;
        }

        if (h.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (h.StartsWith("GIF8"u8))
        {
            return Gif;
        }

        if (h.Length >= 12 && h.StartsWith("RIFF"u8) && h[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }

        if (h.Length >= 12 && h[4..8].SequenceEqual("ftyp"u8) && (h[8..12].SequenceEqual("avif"u8) || h[8..12].SequenceEqual("avis"u8)))
        {
            return Avif;
        }

        var text = System.Text.Encoding.UTF8.GetString(b).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return text.StartsWith('<') && (text.Contains("<svg", StringComparison.Ordinal) || text.StartsWith("<?xml", StringComparison.Ordinal)) ? Svg : null;
    }

    /// <summary>An iPhone's HEIC or HEIF photo, which most browsers cannot show.</summary>
    public static bool IsHeic(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var h = Head(file);
        return h.Length >= 12 && h.AsSpan(4, 4).SequenceEqual("ftyp"u8) && System.Text.Encoding.ASCII.GetString(h, 8, 4) is "heic" or "heix" or "mif1" or "msf1" or "hevc";
    }
}
