using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Site.Web.Modules.Api;

/// <summary>
/// Long text (an item's body as HTML and as Markdown) written into a JSON answer as UTF-8 with only the escapes
/// JSON requires: quotation mark, backslash and the control characters. Utf8JsonWriter's encoder goes character
/// by character from the first character it escapes, and every HTML body has a quotation mark near its start,
/// so for bodies this is several times faster; every other value still goes through the writer.
/// </summary>
public static class JsonText
{
    private static readonly SearchValues<byte> Escaped = SearchValues.Create([.. Enumerable.Range(0, 0x20).Select(b => (byte)b), (byte)'"', (byte)'\\']);

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_value;

    /// <summary>Writes <paramref name="name"/> with UTF-8 text as its value; invalid UTF-8 goes through the writer, which replaces it.</summary>
    public static void Write(Utf8JsonWriter json, string name, ReadOnlySpan<byte> utf8)
    {
        if (System.Text.Unicode.Utf8.IsValid(utf8))
        {
            WriteValid(json, name, utf8);
        }
        else
        {
            json.WriteString(name, Encoding.UTF8.GetString(utf8));
        }
    }

    private static void WriteValid(Utf8JsonWriter json, string name, ReadOnlySpan<byte> utf8)
    {
        var value = t_value ??= new ArrayBufferWriter<byte>(64 * 1024);
        value.ResetWrittenCount();
        value.Write("\""u8);
        var rest = utf8;
        for (var at = rest.IndexOfAny(Escaped); at >= 0; at = rest.IndexOfAny(Escaped))
        {
            value.Write(rest[..at]);
            var b = rest[at];
            ReadOnlySpan<byte> escape = b switch
            {
                (byte)'"' => "\\\""u8,
                (byte)'\\' => "\\\\"u8,
                (byte)'\n' => "\\n"u8,
                (byte)'\r' => "\\r"u8,
                (byte)'\t' => "\\t"u8,
                _ => [(byte)'\\', (byte)'u', (byte)'0', (byte)'0', Hex(b >> 4), Hex(b & 0xF)],
            };
            value.Write(escape);
            rest = rest[(at + 1)..];
        }

        value.Write(rest);
        value.Write("\""u8);
        json.WritePropertyName(name);
        json.WriteRawValue(value.WrittenSpan, skipInputValidation: true);
    }

    private static byte Hex(int digit) => (byte)(digit < 10 ? '0' + digit : 'A' + digit - 10);
}
