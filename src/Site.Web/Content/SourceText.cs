using System.Buffers;
using System.Text.Unicode;
using Site.Engine.Diagnostics;
using Site.Web.Diagnostics;

namespace Site.Web.Content;

/// <summary>
/// Reads a text file people write (content, site.yml, the model) as strict UTF-8: bytes that are not UTF-8
/// (a file saved in another encoding, a paste gone wrong) are an error at their line and column instead of
/// turning silently into '�' on the published page. A file far larger than any content is not read at all.
/// </summary>
public static class SourceText
{
    /// <summary>Bytes beyond which a file is refused unread; the text limit in <see cref="InputLimits"/> is lower.</summary>
    public const long MaxBytes = 4 * InputLimits.MaxLength;

    /// <summary>
    /// The encoding a file that is not UTF-8 was most likely saved in: Windows-1252 (what Word, Outlook and older
    /// Windows programs write, with curly quotes and dashes in 0x80 to 0x9F) when every byte that is not valid
    /// UTF-8 reads as a character there, else null.
    /// </summary>
    private static string? Likely(byte[] bytes, int start)
    {
        var rest = bytes.AsSpan(start);
        var curly = false;
        while (!rest.IsEmpty)
        {
            if (System.Text.Rune.DecodeFromUtf8(rest, out _, out var used) == OperationStatus.Done)
            {
                rest = rest[used..];
                continue;
            }

            if (Windows1252(rest[0]) is null)
            {
                return null;
            }

            curly |= rest[0] is >= 0x80 and <= 0x9F;
            rest = rest[1..];
        }

        return curly ? "Windows-1252 (the encoding of Word and older Windows programs)" : "Latin-1 or Windows-1252, an older Western encoding";
    }

    /// <summary>What a byte of 128 or more means in Windows-1252, or null where that encoding leaves it unused.</summary>
    private static string? Windows1252(byte b) => b switch
    {
        < 0x80 => null,
        >= 0xA0 => ((char)b).ToString(),
        _ => "€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ"[b - 0x80] is var c && c != '\0' ? c.ToString() : null,
    };

    /// <summary>The file's text, or null after reporting why it cannot be used.</summary>
    public static string? Read(string path, string display, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var length = new FileInfo(path).Length;
        if (length > MaxBytes)
        {
            diagnostics.Error(
                DiagnosticIds.TooLarge,
                new SourceLocation(display, 1, 1),
                $"This file is {length / (1024.0 * 1024):F1} MB; a content file may be at most {InputLimits.MaxLength / 1024:N0} KB of text.",
                "Split it into several files, or move large material into input/assets/ and link to it.");
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            var status = Utf8.ToUtf16(bytes.AsSpan(start), chars, out var read, out var written, replaceInvalidSequences: false);
            if (status == OperationStatus.Done)
            {
                return new string(chars, 0, written);
            }

            var at = start + read;
            var before = bytes.AsSpan(0, at);
            var line = before.Count((byte)'\n') + 1;
            var lineStart = Math.Max(start, before.LastIndexOf((byte)'\n') + 1); // a byte-order mark is not a column
            var column = Utf8.ToUtf16(bytes.AsSpan(lineStart, at - lineStart), chars, out _, out var columnChars) == OperationStatus.Done ? columnChars + 1 : 1;
            diagnostics.Error(
                DiagnosticIds.InvalidEncoding,
                new SourceLocation(display, line, column),
                at >= bytes.Length ? "This file is not UTF-8 text: it ends in the middle of a character."
                    : Likely(bytes, start) is { } encoding && Windows1252(bytes[at]) is { } meant
                        ? $"This file is not UTF-8 text: it looks like {encoding}, where the byte 0x{bytes[at]:X2} here is '{meant}'. Read as UTF-8 it is not a character, and it would be published as '\uFFFD'."
                        : $"This file is not UTF-8 text: the byte 0x{bytes[at]:X2} here is not a character, so the text around it cannot be read reliably.",
                "Save the file as UTF-8 (most editors offer it under Save As or in the status bar); text pasted from a word processor is a common cause.");
            return null;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
