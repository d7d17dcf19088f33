using System.Globalization;
using System.Net;
using System.Text;

namespace Site.Web.Images;

/// <summary>How a layout shows a picture.</summary>
/// <param name="Width">The widest it is shown, in CSS pixels.</param>
/// <param name="Fixed">Always shown at <paramref name="Width"/> (a portrait), rather than up to it (a photo across the column).</param>
/// <param name="Priority">The page's largest picture above the fold: loaded first, never lazily.</param>
/// <param name="Sizes">The <c>sizes</c> attribute when the layout knows better than <paramref name="Width"/> (a card in a grid).</param>
public sealed record PictureUse(int Width, bool Fixed = false, bool Priority = false, string? Class = null, int? Height = null, string? Sizes = null);

/// <summary>
/// The HTML for a picture: a <c>&lt;picture&gt;</c> with an AVIF and a WebP <c>srcset</c> and a JPEG or PNG
/// <c>&lt;img&gt;</c> for other browsers, so each reader's browser picks the smallest file that is sharp on its
/// screen; width and height reserve the space before it loads. Anything not resized (an SVG, a GIF, an address
/// elsewhere) is a plain <c>&lt;img&gt;</c> with the same attributes.
/// </summary>
public static class PictureMarkup
{
    /// <summary>The fallback <c>&lt;img src&gt;</c> is the largest width up to this, enough for a desktop without srcset.</summary>
    private const int FallbackWidth = 1280;

    public static string Html(PicturePlan plan, string url, string? alt, PictureUse use)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(use);
        var html = new StringBuilder(512);
        if (plan.Of(url) is not { } set)
        {
            var size = plan.Sizes.Of(url);
            html.Append("<img src=\"").Append(WebUtility.HtmlEncode(url)).Append('"');
            Attributes(html, alt, use, size?.Width, size?.Height);
            return html.ToString();
        }

        var sizes = use.Sizes is { Length: > 0 } given ? WebUtility.HtmlEncode(given) : use.Fixed
            ? string.Create(CultureInfo.InvariantCulture, $"{use.Width}px")
            : string.Create(CultureInfo.InvariantCulture, $"(min-width: {use.Width}px) {use.Width}px, 100vw");
        html.Append("<picture>");
        foreach (var format in set.Formats)
        {
            html.Append("<source type=\"").Append(ImageSet.MimeType(format)).Append("\" srcset=\"");
            SourceSet(html, set, format);
            html.Append("\" sizes=\"").Append(sizes).Append("\">");
        }

        var fallback = set.Widths.LastOrDefault(w => w <= FallbackWidth, set.Widths[0]);
        html.Append("<img src=\"").Append(set.UrlOf(fallback, set.Fallback)).Append("\" srcset=\"");
        SourceSet(html, set, set.Fallback);
        html.Append("\" sizes=\"").Append(sizes).Append('"');
        var shown = set.Widths[^1];
        Attributes(html, alt, use, shown, set.HeightAt(shown));
        html.Append("</picture>");
        return html.ToString();
    }

    private static void SourceSet(StringBuilder html, ImageSet set, PictureFormat format)
    {
        for (var i = 0; i < set.Widths.Length; i++)
        {
            html.Append(i == 0 ? "" : ", ").Append(set.UrlOf(set.Widths[i], format)).Append(' ').Append(set.Widths[i].ToString(CultureInfo.InvariantCulture)).Append('w');
        }
    }

    private static void Attributes(StringBuilder html, string? alt, PictureUse use, int? width, int? height)
    {
        html.Append(" alt=\"").Append(WebUtility.HtmlEncode(alt ?? "")).Append('"');
        if (use.Class is { Length: > 0 } css)
        {
            html.Append(" class=\"").Append(WebUtility.HtmlEncode(css)).Append('"');
        }

        // A fixed-size picture (a portrait) states the size it is shown at; a photo states its own shape, and the
        // stylesheet scales it to the column (max-width: 100%, height: auto).
        if (use.Fixed)
        {
            (width, height) = (use.Width, use.Height ?? (width is { } w && height is { } h && w > 0 ? (int)Math.Round((double)h * use.Width / w) : use.Width));
        }

        if (width is { } wide && height is { } high)
        {
            html.Append(" width=\"").Append(wide.ToString(CultureInfo.InvariantCulture)).Append("\" height=\"").Append(high.ToString(CultureInfo.InvariantCulture)).Append('"');
        }

        html.Append(use.Priority ? " fetchpriority=\"high\" decoding=\"async\">" : " loading=\"lazy\" decoding=\"async\">");
    }
}
