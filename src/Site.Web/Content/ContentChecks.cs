using Site.Web.Diagnostics;

namespace Site.Web.Content;

/// <summary>An image path with its required alternative text.</summary>
internal static class ImageFields
{
    public static (string? Path, string? Alt) Read(YamlFields f, string imageKey, string altKey)
    {
        var image = f.Text(imageKey);
        var alt = f.Text(altKey);
        if (image is not null && alt is null)
        {
            f.Diagnostics.Error(DiagnosticIds.MissingAltText, f.LocationOf(imageKey), $"'{imageKey}' has no '{altKey}'.", $"Add a line '{altKey}: ' describing what the image shows.");
        }

        return (image, alt);
    }
}
