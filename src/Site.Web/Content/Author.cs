using System.Collections.Immutable;

namespace Site.Web.Content;

/// <summary>An item of the <c>author</c> kind (a practitioner), with its fields as typed properties.</summary>
public sealed record Author : ContentItem
{
    public Author(ContentItem item)
        : base(item)
    {
        ArgumentNullException.ThrowIfNull(item);
        Role = item.TextOf("role") ?? "";
        Credentials = item.TextOf("credentials") ?? "";
        Registration = item.TextOf("registration") ?? "";
        Photo = item.TextOf("photo");
        PhotoAlt = item.TextOf("photo_alt");
        Interests = item.TextsOf("interests");
        BookingUrl = item.TextOf("booking_url");
    }

    public string Name => Title;

    public string Role { get; }

    public string Credentials { get; }

    public string Registration { get; }

    public string? Photo { get; }

    public string? PhotoAlt { get; }

    public ImmutableArray<string> Interests { get; }

    public string? BookingUrl { get; }
}
