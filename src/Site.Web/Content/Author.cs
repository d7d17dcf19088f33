using System.Collections.Immutable;

namespace Site.Web.Content;

/// <summary>A practitioner in <c>input/authors/</c>; the file name is the author id, the body is the bio.</summary>
public sealed record Author(
    string Slug,
    Engine.Diagnostics.SourceLocation FrontMatter,
    string Name,
    string Description,
    string Role,
    string Credentials,
    string Registration,
    string? Photo,
    string? PhotoAlt,
    ImmutableArray<string> Interests,
    string? BookingUrl)
    : ContentItem(ContentKind.Author, Slug, FrontMatter, Name, Description)
{
    public static Author? Read(YamlFields f, ContentFile file)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(file);
        var name = f.Text("name", required: true);
        var role = f.Text("role", required: true);
        var description = f.Text("description");
        var credentials = f.Text("credentials", required: true);
        var registration = f.Text("registration", required: true);
        var (photo, photoAlt) = ImageFields.Read(f, "photo", "photo_alt");
        var interests = f.List("interests");
        var bookingUrl = ContentUrls.ReadAbsolute(f, "booking_url");
        var draft = f.Flag("draft", fallback: false);
        f.ReportUnknownKeys();
        if (name is null || role is null || credentials is null || registration is null)
        {
            return null;
        }

        description ??= $"{name}, {role} at the clinic: background, qualifications and how to book an appointment.";
        ContentChecks.Description(f, description);
        return new Author(file.Slug, file.FrontMatter, name, description, role, credentials, registration, photo, photoAlt,
            [.. interests.Select(i => i.Value)], bookingUrl)
        {
            Draft = draft,
        };
    }
}
