using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Site.Benchmarks;

/// <summary>The picture a phone chose from a page's markup, and what it chose from.</summary>
internal sealed record Choice(string Url, string Format, int? Width, int Candidates, double? Slot)
{
    public string Describe() => Width is { } w
        ? string.Create(CultureInfo.InvariantCulture, $"{Format} {w}w of {Candidates}, slot {Slot:0} px")
        : Candidates > 1 ? $"{Format} by density, of {Candidates}" : $"{Format}, the only one (no srcset)";
}

/// <summary>What a phone downloads for one page: the HTML, its stylesheets, and the picture it chose.</summary>
internal sealed record Weight(long Html, long Css, long Image, long Original, Choice Choice)
{
    public long Total => Html + Css + Image;

    /// <summary>The same page if it served the original photo as it is.</summary>
    public long Before => Html + Css + Original;
}

/// <summary>
/// The bytes a phone downloads for a page with a photo, worked out from the page's own markup the way a
/// browser does, so each tool is measured by what it actually wrote: a phone 390 CSS pixels wide at device
/// pixel ratio 3 (a current iPhone) takes, from a &lt;picture&gt;, the first &lt;source&gt; whose type it can
/// show and whose media matches, evaluates its sizes for its viewport, and takes the smallest candidate at
/// least three times that slot (or the largest). Bytes are as the files are on disk, before any compression
/// in transit.
/// </summary>
internal static partial class PageWeight
{
    public const int Viewport = 390;
    public const int PixelRatio = 3;

    /// <summary>In sizes and media queries, rem and em are the browser's default font size.</summary>
    private const double Rem = 16;

    /// <summary>Types a current phone's browser shows; a &lt;source&gt; of another type is passed over.</summary>
    private static readonly string[] Shown = ["image/avif", "image/webp", "image/jpeg", "image/png", "image/gif"];

    [GeneratedRegex(@"^\(\s*(min-width|max-width)\s*:\s*(.+?)\s*\)$|^\(\s*width\s*(>=|<=|>|<)\s*(.+?)\s*\)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Feature();

    [GeneratedRegex(@"\s+and\s+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex And();

    /// <summary>
    /// The page at <paramref name="url"/> in <paramref name="output"/>, whose picture is the &lt;img&gt; with
    /// alt text <paramref name="alt"/>; <paramref name="original"/> is the photo's original file.
    /// </summary>
    public static Weight Of(string output, string url, string alt, string original)
    {
        var page = FileOf(output, null, url);
        var document = new HtmlParser().ParseDocument(File.ReadAllText(page));
        var css = document.QuerySelectorAll("link[rel~=stylesheet][href]").Sum(l => new FileInfo(FileOf(output, page, l.GetAttribute("href")!)).Length);
        var img = document.QuerySelectorAll("img").FirstOrDefault(i => i.GetAttribute("alt") == alt)
            ?? throw new InvalidOperationException($"{page} has no <img alt=\"{alt}\">");
        var choice = Choose(img);
        return new Weight(new FileInfo(page).Length, css, new FileInfo(FileOf(output, page, choice.Url)).Length, new FileInfo(original).Length, choice);
    }

    /// <summary>The candidate a phone takes for <paramref name="img"/>, following the HTML standard's order.</summary>
    public static Choice Choose(IElement img)
    {
        ArgumentNullException.ThrowIfNull(img);
        if (img.ParentElement is { LocalName: "picture" } picture)
        {
            foreach (var source in picture.Children.TakeWhile(c => c != img).Where(c => c.LocalName == "source"))
            {
                var type = source.GetAttribute("type");
                var media = source.GetAttribute("media");
                if (source.GetAttribute("srcset") is { } set && (type is null || Shown.Contains(type.Trim(), StringComparer.OrdinalIgnoreCase)) && (media is null || Matches(media)))
                {
                    return Pick(set, source.GetAttribute("sizes"), type, null);
                }
            }
        }

        var src = img.GetAttribute("src");
        return Pick(img.GetAttribute("srcset") ?? "", img.GetAttribute("sizes"), null, src);
    }

    /// <param name="src">The &lt;img&gt;'s src, a candidate at density 1 when the srcset has neither that nor widths.</param>
    private static Choice Pick(string srcset, string? sizes, string? type, string? src)
    {
        var candidates = srcset.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Select(c => (Url: c[0], Descriptor: c.Length > 1 ? c[1] : "1x"))
            .ToList();
        if (src is { Length: > 0 } && !candidates.Any(c => c.Descriptor.EndsWith('w') || c.Descriptor == "1x"))
        {
            candidates.Add((src, "1x"));
        }

        if (candidates.Count == 0)
        {
            throw new InvalidOperationException("A picture has neither srcset nor src.");
        }

        var widths = candidates.Where(c => c.Descriptor.EndsWith('w')).ToList();
        if (widths.Count > 0)
        {
            // Sizes without a width descriptor mean nothing to a browser; with one, an absent sizes is 100vw.
            var slot = Slot(sizes ?? "100vw");
            var byWidth = widths.Select(c => (c.Url, Width: int.Parse(c.Descriptor[..^1], CultureInfo.InvariantCulture))).OrderBy(c => c.Width).ToList();
            var pick = byWidth.FirstOrDefault(c => c.Width >= slot * PixelRatio, byWidth[^1]);
            return new Choice(pick.Url, FormatOf(type, pick.Url), pick.Width, byWidth.Count, slot);
        }

        var byDensity = candidates.Select(c => (c.Url, Density: double.Parse(c.Descriptor.TrimEnd('x'), CultureInfo.InvariantCulture))).OrderBy(c => c.Density).ToList();
        var dense = byDensity.FirstOrDefault(c => c.Density >= PixelRatio, byDensity[^1]);
        return new Choice(dense.Url, FormatOf(type, dense.Url), null, byDensity.Count, null);
    }

    /// <summary>
    /// The width in CSS pixels that <paramref name="sizes"/> gives on the phone: the length of the first entry
    /// whose media condition matches, or of the last entry, which has none.
    /// </summary>
    public static double Slot(string sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        foreach (var entry in SplitTopLevel(sizes, ','))
        {
            // The length is the entry's end: a function call (calc(...)) or one word; before it, the condition.
            var start = entry.EndsWith(')') ? FunctionStart(entry) : entry.LastIndexOfAny([' ', '\t', '\n', ')']) + 1;
            var condition = entry[..start].Trim();
            if (condition.Length == 0 || Matches(condition))
            {
                return Length(entry[start..]);
            }
        }

        return Viewport;
    }

    /// <summary>Whether a media condition of min-width, max-width or width ranges, joined by 'and', holds.</summary>
    public static bool Matches(string condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return And().Split(condition.Trim()).All(part =>
        {
            var match = Feature().Match(part.Trim());
            if (!match.Success)
            {
                throw new FormatException($"The media condition '{condition}' is not one the page weight understands.");
            }

            var (op, value) = match.Groups[1].Success
                ? (match.Groups[1].Value.Equals("min-width", StringComparison.OrdinalIgnoreCase) ? ">=" : "<=", match.Groups[2].Value)
                : (match.Groups[3].Value, match.Groups[4].Value);
            var width = Length(value);
            return op switch
            {
                ">=" => Viewport >= width,
                "<=" => Viewport <= width,
                ">" => Viewport > width,
                _ => Viewport < width,
            };
        });
    }

    /// <summary>A CSS length in pixels on the phone: px, vw, rem or em, and calc(), min(), max() and clamp() of them.</summary>
    public static double Length(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Tokens().Matches(text).Select(m => m.Value.Trim()).Where(t => t.Length > 0).ToList();
        if (string.Concat(tokens).Length != string.Concat(text.Where(c => !char.IsWhiteSpace(c))).Length)
        {
            throw new FormatException($"The length '{text}' is not one the page weight understands.");
        }

        var at = 0;
        var value = Sum(tokens, ref at);
        return at == tokens.Count ? value : throw new FormatException($"The length '{text}' is not one the page weight understands.");
    }

    [GeneratedRegex(@"\s*(?:\d*\.?\d+(?:px|vw|rem|em)?|[a-z-]+\(|[-+*/(),])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Tokens();

    private static double Sum(List<string> tokens, ref int at)
    {
        var value = Product(tokens, ref at);
        while (at < tokens.Count && tokens[at] is "+" or "-")
        {
            var plus = tokens[at++] == "+";
            var next = Product(tokens, ref at);
            value = plus ? value + next : value - next;
        }

        return value;
    }

    private static double Product(List<string> tokens, ref int at)
    {
        var value = Unit(tokens, ref at);
        while (at < tokens.Count && tokens[at] is "*" or "/")
        {
            var times = tokens[at++] == "*";
            var next = Unit(tokens, ref at);
            value = times ? value * next : value / next;
        }

        return value;
    }

    private static double Unit(List<string> tokens, ref int at)
    {
        if (at >= tokens.Count)
        {
            throw new FormatException("A length ends too early.");
        }

        var token = tokens[at++].ToLowerInvariant();
        if (token == "-")
        {
            return -Unit(tokens, ref at);
        }

        if (token.EndsWith('('))
        {
            var arguments = new List<double> { Sum(tokens, ref at) };
            while (at < tokens.Count && tokens[at] == ",")
            {
                at++;
                arguments.Add(Sum(tokens, ref at));
            }

            if (at >= tokens.Count || tokens[at++] != ")")
            {
                throw new FormatException("A bracket in a length is not closed.");
            }

            return token switch
            {
                "(" or "calc(" when arguments.Count == 1 => arguments[0],
                "min(" => arguments.Min(),
                "max(" => arguments.Max(),
                "clamp(" when arguments.Count == 3 => Math.Max(arguments[0], Math.Min(arguments[1], arguments[2])),
                _ => throw new FormatException($"The function {token}) is not one the page weight understands."),
            };
        }

        var unit = token.TrimStart('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.');
        var number = double.Parse(token[..^unit.Length], CultureInfo.InvariantCulture);
        return unit switch
        {
            "px" or "" => number,
            "vw" => number * Viewport / 100,
            "rem" or "em" => number * Rem,
            _ => throw new FormatException($"The length '{token}' is not one the page weight understands."),
        };
    }

    /// <summary>Where the function call that ends <paramref name="entry"/> starts, its name included.</summary>
    private static int FunctionStart(string entry)
    {
        var depth = 0;
        for (var i = entry.Length - 1; i >= 0; i--)
        {
            depth += entry[i] switch { ')' => 1, '(' => -1, _ => 0 };
            if (depth == 0)
            {
                while (i > 0 && (char.IsAsciiLetter(entry[i - 1]) || entry[i - 1] == '-'))
                {
                    i--;
                }

                return i;
            }
        }

        throw new FormatException($"A bracket in '{entry}' is not closed.");
    }

    private static List<string> SplitTopLevel(string text, char separator)
    {
        var parts = new List<string>();
        var (depth, start) = (0, 0);
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || (text[i] == separator && depth == 0))
            {
                parts.Add(text[start..i].Trim());
                start = i + 1;
            }
            else
            {
                depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            }
        }

        return [.. parts.Where(p => p.Length > 0)];
    }

    private static string FormatOf(string? type, string url) =>
        (type is not null ? type.Trim()["image/".Length..] : Path.GetExtension(url.Split('?', '#')[0]).TrimStart('.')).ToUpperInvariant() switch
        {
            "JPG" => "JPEG",
            "WEBP" => "WebP",
            var other => other,
        };

    /// <summary>
    /// The file in <paramref name="output"/> that <paramref name="url"/> names, from the page
    /// <paramref name="page"/> (for a relative address): a folder address means its index.html.
    /// </summary>
    private static string FileOf(string output, string? page, string url)
    {
        var path = Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" ? absolute.AbsolutePath : url;
        path = Uri.UnescapeDataString(path.Split('?', '#')[0]);
        var file = path.StartsWith('/') || page is null
            ? Path.Combine(output, path.TrimStart('/'))
            : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, path));
        if (path.EndsWith('/'))
        {
            file = Path.Combine(file, "index.html");
        }

        return File.Exists(file) ? file : throw new FileNotFoundException($"'{url}'{(page is null ? "" : $" on {page}")} is not a file in {output}.", file);
    }
}
