using Site.Web.Diagnostics;

namespace Site.Web.Content;

/// <summary>Small checks shared by several content kinds.</summary>
internal static class ContentChecks
{
    public static void Description(YamlFields f, string? description)
    {
        if (description is not null && (description.Length < 50 || description.Length > 160))
        {
            f.Diagnostics.Warning(
                DiagnosticIds.DescriptionLength,
                f.LocationOf("description"),
                $"The description is {description.Length} characters long; search engines show 50 to 160.",
                description.Length < 50 ? "Add a little more detail." : "Shorten it to one or two sentences.");
        }
    }
}

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
