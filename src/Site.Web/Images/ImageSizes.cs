using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Site.Web.Images;

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
        var path = Uri.UnescapeDataString(url.Split('?', '#')[0]);
        if (!path.StartsWith("/assets/", StringComparison.Ordinal) || path.Split('/', '\\').Any(s => s == ".."))
        {
            return null;
        }

        var file = Path.Combine(paths.Input, path.TrimStart('/'));
        return File.Exists(file) && SourceFiles.IsInside(file, paths.Input) ? file : null;
    }

    /// <summary>The file as messages show it.</summary>
    public string Display(string file) => paths.Display(file);

    private static readonly FileMemo<(int Width, int Height)?> Known = new();

    private (int Width, int Height)? Read(string url) => FileOf(url) is { } file ? Known.Get(file, ReadFile) : null;

    private static (int Width, int Height)? ReadFile(string file)
    {
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

    /// <summary>
    /// A JPEG's size as it is shown: a phone photo taken upright is usually stored sideways with an EXIF
    /// orientation of 6 or 8, which browsers and the resizer both apply, so width and height swap.
    /// </summary>
    private static (int, int)? Jpeg(byte[] bytes)
    {
        var i = 2;
        var turned = false;
        while (i + 9 < bytes.Length)
        {
            if (bytes[i] != 0xFF)
            {
                return null;
            }

            var marker = bytes[i + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(i + 2));
            if (marker == 0xE1 && i + 2 + length <= bytes.Length)
            {
                turned |= Orientation(bytes.AsSpan(i + 4, Math.Max(0, length - 2))) >= 5;
            }

            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                var (width, height) = (BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(i + 7)), BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(i + 5)));
                return turned ? (height, width) : (width, height);
            }

            i += 2 + length;
        }

        return null;
    }

    /// <summary>The EXIF orientation (1 to 8) in an APP1 segment, or 1 when it has none.</summary>
    internal static int Orientation(ReadOnlySpan<byte> segment)
    {
        if (segment.Length < 14 || !segment.StartsWith("Exif\0\0"u8))
        {
            return 1;
        }

        var tiff = segment[6..];
        var little = tiff[0] == (byte)'I';
        int U16(ReadOnlySpan<byte> s) => little ? BinaryPrimitives.ReadUInt16LittleEndian(s) : BinaryPrimitives.ReadUInt16BigEndian(s);
        var ifd = little ? BinaryPrimitives.ReadInt32LittleEndian(tiff[4..]) : BinaryPrimitives.ReadInt32BigEndian(tiff[4..]);
        if (ifd < 8 || ifd + 2 > tiff.Length)
        {
            return 1;
        }

        var entries = U16(tiff[ifd..]);
        for (var e = 0; e < entries && ifd + 2 + (e * 12) + 12 <= tiff.Length; e++)
        {
            var entry = tiff[(ifd + 2 + (e * 12))..];
            if (U16(entry) == 0x0112)
            {
                return U16(entry[8..]);
            }
        }

        return 1;
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
