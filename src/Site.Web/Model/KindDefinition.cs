using System.Collections.Frozen;
using System.Collections.Immutable;
using Site.Engine.Diagnostics;

namespace Site.Web.Model;

/// <summary>Where a kind's items appear besides their own page.</summary>
[Flags]
public enum Listings
{
    None = 0,
    Lists = 1,
    Search = 2,
    Sitemap = 4,
    Feeds = 8,
}

/// <summary>Related items: up to <paramref name="Count"/> of the same kind sharing the most weighted field values.</summary>
public sealed record RelatedRule(int Count, ImmutableArray<(string Field, int Weight)> Weights);

/// <summary>A page that lists every item of one kind, declared in the kind's model file.</summary>
/// <param name="Description">For search results; <c>{site}</c>, <c>{page}</c> and <c>{pages}</c> are filled in.</param>
/// <param name="Paged">Split into pages of site.yml's <c>articles_per_page</c> items.</param>
public sealed record ListPage(string Url, string Title, string Intro, string Layout, string? Description = null, bool Paged = false);

/// <summary>How <c>site new</c> makes a file name from the title it is given.</summary>
public enum ScaffoldId
{
    /// <summary>The whole title: "Knee pain in runners" becomes knee-pain-in-runners.</summary>
    Title,

    /// <summary>The first word: "Melissa Hartley" becomes melissa.</summary>
    FirstWord,

    /// <summary>A person's whole name without titles: "Dr Sam O'Brien" becomes sam-obrien.</summary>
    Name,
}

/// <summary>
/// One kind of content, declared once in <c>input/model/{name}.yml</c>: its folder, how ids and addresses are
/// made, its layout, its fields, the site-wide parts its pages carry, where it is listed and its schema.org
/// type. Everything that varies by kind reads this instead of naming the kind.
/// </summary>
public sealed record KindDefinition(string Name, string Folder, string UrlPattern, string Layout, ImmutableArray<FieldDefinition> Fields, SourceLocation Location)
{
    /// <summary>The name as shown to people ("Article"); the plural names lists ("Articles").</summary>
    public string Label { get; init; } = Name;

    public string Plural { get; init; } = Name + "s";

    /// <summary>One or two sentences for marketing staff: what this kind is for.</summary>
    public string Help { get; init; } = "";

    /// <summary>The schema.org type of the thing a page of this kind is about.</summary>
    public string SchemaType { get; init; } = "Thing";

    /// <summary>The schema.org type of the web page that shows an item (MedicalWebPage, ProfilePage...).</summary>
    public string PageSchemaType { get; init; } = "WebPage";

    /// <summary>The field that titles the page, lists and links (a text field, required).</summary>
    public string TitleField { get; init; } = "title";

    /// <summary>The field that describes the page to search engines.</summary>
    public string DescriptionField { get; init; } = "description";

    /// <summary>The publication date field; items dated after today wait for that day. Null: never scheduled.</summary>
    public string? DateField { get; init; }

    /// <summary>Every page of this kind shows the medical disclaimer (checked on the built HTML).</summary>
    public bool Disclaimer { get; init; }

    /// <summary>Every page of this kind offers a book-now link (checked on the built HTML).</summary>
    public bool BookNow { get; init; }

    public Listings AppearsIn { get; init; }

    public ScaffoldId ScaffoldId { get; init; }

    /// <summary>The body <c>site new</c> writes below the front matter.</summary>
    public string ScaffoldBody { get; init; } = "";

    /// <summary>The page listing every item of this kind (<c>list:</c> in the model file), if it has one.</summary>
    public ListPage? ListPage { get; init; }

    /// <summary>The fragment of the structured-data id of an item (<c>/authors/melissa/#person</c>); the kind's name by default.</summary>
    public string SchemaId { get; init; } = Name;

    /// <summary>
    /// Where the book-now link of an item's page goes, in order: a url field of the item, or a reference field
    /// whose items' own booking address is used when exactly one has one. The clinic's address otherwise.
    /// </summary>
    public ImmutableArray<string> BookingFrom { get; init; } = [];

    /// <summary>
    /// How related items of the same kind are found (<c>related:</c>): how many to show, and each field whose
    /// shared values count, with its weight. Empty: no related items.
    /// </summary>
    public RelatedRule? Related { get; init; }

    /// <summary>
    /// Items whose dates count towards this kind's pages' last change, as <c>kind.field</c> of the field that
    /// refers here (a condition page changes when an article about it does).
    /// </summary>
    public ImmutableArray<(string Kind, string Field)> ModifiedBy { get; init; } = [];

    /// <summary>The reference field naming who wrote an item, for feeds and structured data.</summary>
    public string? AuthorField { get; init; }

    /// <summary>
    /// <c>review: {date: ..., by: ...}</c>: items of this kind are clinical content that a registered practitioner
    /// reviews on a schedule (site.yml's <c>review:</c>); the date field and the reference to the reviewer.
    /// </summary>
    public (string Date, string By)? Review { get; init; }

    /// <summary><c>registration_field</c>: the field holding a practitioner's Ahpra registration number.</summary>
    public string? RegistrationField { get; init; }

    /// <summary><c>readability: true</c>: the body's reading grade is measured against site.yml's target.</summary>
    public bool Readability { get; init; }

    /// <summary>The Open Graph type of its pages: article, profile or website.</summary>
    public string OgType { get; init; } = "website";

    /// <summary>The image field shared with links to its pages (og:image); the site's picture otherwise.</summary>
    public string? ShareImage { get; init; }

    /// <summary>The date field of the last real change; with the publication date it makes the modified time.</summary>
    public string? UpdatedField { get; init; }

    /// <summary>List fields whose values are this item's old addresses, each redirected to it.</summary>
    public IEnumerable<FieldDefinition> RedirectFields => Fields.Where(f => f.RedirectFrom);

    /// <summary>Fields every kind has whether or not its file declares them.</summary>
    public static readonly ImmutableArray<string> BuiltInFields = ["draft", "suppress"];

    private FrozenDictionary<string, FieldDefinition>? _byName;

    public FrozenDictionary<string, FieldDefinition> FieldsByName => _byName ??= Fields.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);

    public FieldDefinition? Field(string name) => FieldsByName.GetValueOrDefault(name);

    /// <summary>The folder under <c>input/</c>, as people see it.</summary>
    public string FolderDisplay => $"input/{Folder}/";

    /// <summary>The root-relative clean URL of the item with this id.</summary>
    public string UrlFor(string id) => UrlPattern.Replace("{id}", id, StringComparison.Ordinal);

    public bool Has(Listings listing) => (AppearsIn & listing) == listing;
}
