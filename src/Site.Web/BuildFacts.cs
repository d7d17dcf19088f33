using System.Collections.Concurrent;
using System.Collections.Immutable;
using Site.Web.Content;

namespace Site.Web;

/// <summary>
/// What a build learnt about its content besides its problems, for the build report: the items it published,
/// those scheduled for later, and the reading grade of each measured body. Filled while the build runs.
/// </summary>
public sealed class BuildFacts
{
    /// <summary>Items left out because their date is after the build's day.</summary>
    public ConcurrentBag<ContentItem> Scheduled { get; } = [];

    /// <summary>The reading grade of each measured item, by its file.</summary>
    public ConcurrentDictionary<string, (ContentItem Item, ReadingGrade Grade)> Readability { get; } = new(StringComparer.Ordinal);

    /// <summary>Every item the build published (drafts too when they were asked for).</summary>
    public ImmutableArray<ContentItem> Published { get; set; } = [];

    /// <summary>The build's day in the clinic's time zone.</summary>
    public DateOnly Today { get; set; }

    public SiteSettings? Settings { get; set; }

    /// <summary>Resized photo files this build encoded, and those it found already made in the cache.</summary>
    public int ImagesEncoded { get; set; }

    public int ImagesReused { get; set; }

    /// <summary>Whether links to other websites were checked (--check-external).</summary>
    public bool ExternalChecked { get; set; }
}
