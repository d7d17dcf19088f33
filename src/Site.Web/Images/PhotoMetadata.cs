using System.Buffers.Binary;

namespace Site.Web.Images;

/// <summary>
/// The original of a photo as the site publishes it at its own address (for links to it, the content API and
/// other sites): the same pixels, byte for byte, without the metadata a camera or phone wrote, which can say
/// where and when it was taken and on what. Nothing is decoded: JPEG segments and PNG chunks are copied or left
/// out. What the picture needs to show correctly stays: a JPEG's orientation (rewritten as the only EXIF entry),
/// colour profile and colour transform, a PNG's palette, transparency and colour chunks.
/// </summary>
public static class PhotoMetadata
{
    /// <summary>The file without its metadata, or the bytes as they are when they are not a JPEG or PNG it can read.</summary>
    public static byte[] Strip(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8]) ? Jpeg(bytes) ?? bytes
            : bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]) ? Png(bytes) ?? bytes
            : bytes;
    }

    private static byte[]? Jpeg(byte[] bytes)
    {
        using var output = new MemoryStream(bytes.Length);
        output.Write(bytes, 0, 2);
        var orientation = 1;
        var at = 2;
        while (at + 4 <= bytes.Length)
        {
            if (bytes[at] != 0xFF)
            {
                return null;
            }

            var marker = bytes[at + 1];
            if (marker == 0xFF)
            {
                at++; // fill byte
                continue;
            }

            if (marker == 0xDA)
            {
                // Start of scan: the compressed picture follows, with no more metadata that matters.
                if (orientation != 1)
                {
                    output.Write(OrientationSegment(orientation));
                }

                output.Write(bytes, at, bytes.Length - at);
                return output.ToArray();
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(at + 2));
            if (length < 2 || at + 2 + length > bytes.Length)
            {
                return null;
            }

            var segment = bytes.AsSpan(at, 2 + length);
            if (marker == 0xE1 && segment[4..].StartsWith("Exif\0\0"u8))
            {
                orientation = ImageSizes.Orientation(segment[4..]);
            }

            // Kept: JFIF (APP0), the colour profile (APP2 ICC_PROFILE), Adobe's colour transform (APP14), and every
            // segment that is not an application segment or comment (tables, frame header). Left out: EXIF and XMP
            // (APP1), IPTC (APP13), other makers' blocks, and comments.
            var keep = marker is not (>= 0xE1 and <= 0xEF or 0xFE) || marker == 0xEE || (marker == 0xE2 && segment[4..].StartsWith("ICC_PROFILE\0"u8));
            if (keep)
            {
                output.Write(segment);
            }

            at += 2 + length;
        }

        return null;
    }

    /// <summary>An APP1 segment whose EXIF holds only the orientation (big-endian TIFF, one IFD entry).</summary>
    private static byte[] OrientationSegment(int orientation)
    {
        byte[] segment =
        [
            0xFF, 0xE1, 0, 34, (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0,
            (byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, // TIFF header, first IFD at offset 8
            0, 1, // one entry
            0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte)orientation, 0, 0, // Orientation, SHORT, 1 value
            0, 0, 0, 0, // no next IFD
        ];
        return segment;
    }

    private static byte[]? Png(byte[] bytes)
    {
        using var output = new MemoryStream(bytes.Length);
        output.Write(bytes, 0, 8);
        var at = 8;
        while (at + 12 <= bytes.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
            if (length < 0 || at + 12L + length > bytes.Length)
            {
                return null;
            }

            var type = System.Text.Encoding.ASCII.GetString(bytes, at + 4, 4);

            // Left out: EXIF, text (where a camera or editor writes names, places and software) and the time.
            if (type is not ("eXIf" or "tEXt" or "zTXt" or "iTXt" or "tIME"))
            {
                output.Write(bytes, at, 12 + length);
            }

            at += 12 + length;
            if (type == "IEND")
            {
                return output.ToArray();
            }
        }

        return null;
    }
}
