using Site.Engine.Diagnostics;

namespace Site.Web.Content;

/// <summary>The kinds of content file, each with its folder under <c>input/</c> and its address.</summary>
public enum ContentKind
{
    Article,
    Condition,
    Author,
    Page,
}

/// <summary>What every content file has: where it came from, its slug, title and description.</summary>
public abstract record ContentItem(ContentKind Kind, string Slug, SourceLocation FrontMatter, string Title, string Description)
{
    /// <summary>The root-relative clean URL of the item's page.</summary>
    public string Url => Kind switch
    {
        ContentKind.Article => $"/articles/{Slug}/",
        ContentKind.Condition => $"/conditions/{Slug}/",
        ContentKind.Author => $"/authors/{Slug}/",
        _ => $"/{Slug}/",
    };

    /// <summary>The output file that serves <see cref="Url"/>.</summary>
    public string Destination => Url.TrimStart('/') + "index.html";

    /// <summary>Marked <c>draft: true</c>: built only with --drafts (previews and site serve).</summary>
    public bool Draft { get; init; }

    /// <summary>The lower-case kind name used in site.yml and templates.</summary>
    public string KindName => Kind.ToString().ToLowerInvariant();
}

/// <summary>Per-file facts a binder needs besides the YAML.</summary>
public sealed record ContentFile(string Slug, string Source, SourceLocation FrontMatter);
