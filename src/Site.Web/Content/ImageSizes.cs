using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Site.Web.Content;

/// <summary>
/// Width and height of the site's own images (PNG, JPEG, GIF, WebP, SVG), read from their headers, so pages
/// can reserve the space before an image loads and nothing jumps while a reader scrolls on a phone.
/// </summary>
public sealed partial class ImageSizes(SitePaths paths)
{
    private readonly ConcurrentDictionary<string, (int Width, int Height)?> _cache = new(StringComparer.Ordinal);

    [GeneratedRegex(@"<svg[^>]*?\bviewBox=""[\d.\-]+[ ,]+[\d.\-]+[ ,]+([\d.]+)[ ,]+([\d.]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex SvgViewBox();

    [GeneratedRegex(@"<svg[^>]*?\bwidth=""([\d.]+)(?:px)?""[^>]*?\bheight=""([\d.]+)(?:px)?""", RegexOptions.CultureInvariant)]
    private static partial Regex SvgSize();

    /// <summary>The size of an image at a root-relative URL under /assets/, or null when unknown.</summary>
    public (int Width, int Height)? Of(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return _cache.GetOrAdd(url, Read);
    }

    /// <summary>The file in input/ a root-relative URL under /assets/ names, or null when there is none.</summary>
    public string? FileOf(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.StartsWith("/assets/", StringComparison.Ordinal) || url.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        var file = Path.Combine(paths.Input, Uri.UnescapeDataString(url.TrimStart('/').Split('?', '#')[0]));
        return File.Exists(file) && SourceFiles.IsInside(file, paths.Input) ? file : null;
    }

    /// <summary>The file as messages show it.</summary>
    public string Display(string file) => paths.Display(file);

    private (int Width, int Height)? Read(string url)
    {
        if (FileOf(url) is not { } file)
        {
            return null;
        }

        var bytes = File.ReadAllBytes(file);
        return Path.GetExtension(file).ToUpperInvariant() switch
        {
            ".PNG" when bytes.Length >= 24 => (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20))),
            ".GIF" when bytes.Length >= 10 => (BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(6)), BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8))),
            ".JPG" or ".JPEG" => Jpeg(bytes),
            ".WEBP" => WebP(bytes),
            ".SVG" => Svg(System.Text.Encoding.UTF8.GetString(bytes)),
            _ => null,
        };
    }

    private static (int, int)? Jpeg(byte[] bytes)
    {
        var i = 2;
        while (i + 9 < bytes.Length)
        {
            if (bytes[i] != 0xFF)
            {
                return null;
            }

            var marker = bytes[i + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(i + 2));
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return (BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(i + 7)), BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(i + 5)));
            }

            i += 2 + length;
        }

        return null;
    }

    private static (int, int)? WebP(byte[] bytes)
    {
        if (bytes.Length < 30)
        {
            return null;
        }

        var chunk = System.Text.Encoding.ASCII.GetString(bytes, 12, 4);
        return chunk switch
        {
            "VP8X" => (1 + (bytes[24] | (bytes[25] << 8) | (bytes[26] << 16)), 1 + (bytes[27] | (bytes[28] << 8) | (bytes[29] << 16))),
            "VP8 " => (BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(26)) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(28)) & 0x3FFF),
            "VP8L" => (1 + (((bytes[22] & 0x3F) << 8) | bytes[21]), 1 + (((bytes[24] & 0x0F) << 10) | (bytes[23] << 2) | ((bytes[22] & 0xC0) >> 6))),
            _ => null,
        };
    }

    private static (int, int)? Svg(string text)
    {
        var size = SvgSize().Match(text);
        var match = size.Success ? size : SvgViewBox().Match(text);
        return match.Success
            ? ((int)Math.Round(double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)), (int)Math.Round(double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)))
            : null;
    }
}
