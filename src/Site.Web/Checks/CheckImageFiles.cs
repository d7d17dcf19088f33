using System.Collections.Immutable;
using System.Globalization;
using Site.Engine.Diagnostics;
using Site.Web.Content;
using Site.Web.Diagnostics;
using Site.Web.Images;
using Site.Web.Model;

namespace Site.Web.Checks;

/// <summary>
/// The picture files an item uses (in its Markdown and its image fields), checked at the line that uses them:
/// a file that is not the kind of image its name says (a HEIC photo named .jpg, a JPEG named .png) is an error;
/// an original over site.yml's size budget, and a file name with spaces or capitals, are warnings with the fix.
/// </summary>
public sealed class CheckImageFiles(ImageSizes images, ImageSettings limits) : IItemCheck
{
    public ImmutableArray<string> Ids { get; } = [DiagnosticIds.ImageTooLarge, DiagnosticIds.ImageTooSmall, DiagnosticIds.ImageWrongType, DiagnosticIds.ImageFileName];

    public void Check(ItemToCheck item, CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(report);
        var uses = item.Links.Where(l => l.IsImage).Select(l => (l.Url, l.Location, Shown: (int?)limits.BodyWidth, Where: "in the text"))
            .Concat(item.Item.Kind.Fields.Where(f => f.Type == FieldType.Image && item.Item.TextOf(f.Name) is not null)
                .Select(f => (Url: item.Item.TextOf(f.Name)!, Location: item.Item.LocationOf(f.Name), Shown: f.ShownWidth, Where: $"as its {f.Name}")));
        foreach (var (url, at, shown, where) in uses)
        {
            if (images.FileOf(url) is { } file)
            {
                Check(url, file, at, report);
                if (shown is { } width)
                {
                    CheckSharp(url, file, at, width, $"{item.Item.Kind.Name} pages show it {where}", report);
                }
            }
        }
    }

    /// <summary>
    /// A photo narrower than the layout needs on a phone or high-density screen (twice the CSS width it is shown at,
    /// up to the largest width site.yml resizes to) is stretched by the browser and looks soft.
    /// </summary>
    private void CheckSharp(string url, string file, SourceLocation at, int shown, string where, CheckReport report)
    {
        var kind = ImageKinds.OfExtension(Path.GetExtension(file).ToLowerInvariant());
        if (kind is null || kind == ImageKinds.Svg || images.Of(url) is not { } size)
        {
            return;
        }

        var needed = Math.Min(2 * shown, limits.Widths[^1]);
        if (size.Width < needed)
        {
            report.Warning(
                DiagnosticIds.ImageTooSmall,
                at,
                string.Create(CultureInfo.InvariantCulture, $"'{Path.GetFileName(file)}' is {size.Width} pixels wide, but {where} up to {shown} pixels wide, which takes {needed} pixels to look sharp on a phone; it will look blurred."),
                string.Create(CultureInfo.InvariantCulture, $"Use the original photo, or one at least {needed} pixels wide (the build makes the smaller copies itself)."));
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
                string.Create(CultureInfo.InvariantCulture, $"'{name}' is {bytes / 1048576.0:0.0} MB{(size is { } d ? $" and {d.Width} x {d.Height} pixels" : "")}, over site.yml's limit of {limits.MaxMegabytes} MB or {limits.MaxPixels} pixels a side; it slows every build that has to resize it and the editor that uploads it."),
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
