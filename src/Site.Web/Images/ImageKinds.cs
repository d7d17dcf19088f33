namespace Site.Web.Images;

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

    /// <summary>
    /// A photo the build resizes (a JPEG, PNG or WebP whose bytes say what its name says).
    /// </summary>
    public static bool IsResizable(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var kind = OfExtension(Path.GetExtension(file).ToLowerInvariant());
        return (kind == Jpeg || kind == Png || kind == WebP) && Sniff(file) == kind;
    }

    /// <summary>An iPhone's HEIC or HEIF photo, which most browsers cannot show.</summary>
    public static bool IsHeic(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var h = Head(file);
        return h.Length >= 12 && h.AsSpan(4, 4).SequenceEqual("ftyp"u8) && System.Text.Encoding.ASCII.GetString(h, 8, 4) is "heic" or "heix" or "mif1" or "msf1" or "hevc";
    }
}
