using System.Collections.Concurrent;
using System.Collections.Immutable;
using Scriban.Runtime;
using Site.Engine;
using Site.Web.Content;
using Site.Web.Model;
using Site.Web.Modules;

namespace Site.Web.Rendering;

/// <summary>A date as layouts show it: <c>iso</c> for the datetime attribute, <c>text</c> for people.</summary>
public sealed record DateView(string Iso, string Text);

/// <summary>Items listed on another item's page because they reference it, under the heading their field declares.</summary>
public sealed record BacklinkGroup(string Id, string Title, string Kind, ImmutableArray<ScriptObject> Items);

/// <summary>
/// The view of an item of any kind, built from the content model: every field by its name (dates as
/// <see cref="DateView"/>, topics and references as links), plus <c>kind</c>, <c>id</c>, <c>url</c>,
/// <c>title</c>, <c>description</c>, the publication date as <c>date_iso</c> and <c>date_text</c>, and
/// <c>reading_minutes</c>. The page of an item also has <c>body</c>, its references as full views (a service's
/// practitioners with their photos), <c>referenced_by</c> (items of each kind that reference it) and
/// <c>backlinks</c> (the groups the model asks to show). Views are read-only once built and shared by every page.
/// </summary>
public sealed class ItemViews(SiteIndex index)
{
    /// <summary>How far references are followed: a page (0) shows its references' own references as links only.</summary>
    private const int Deepest = 2;

    private readonly ConcurrentDictionary<(Document, int), ScriptObject> _cards = new(new IdentityComparer());

    /// <summary>Documents are records; a card belongs to one document object, and hashing a record's values costs.</summary>
    private sealed class IdentityComparer : IEqualityComparer<(Document, int)>
    {
        public bool Equals((Document, int) x, (Document, int) y) => ReferenceEquals(x.Item1, y.Item1) && x.Item2 == y.Item2;

        public int GetHashCode((Document, int) obj) => HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item1), obj.Item2);
    }

    /// <summary>The view of an item's own page.</summary>
    public ScriptObject Page(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var view = Build(document, 0);
        view["body"] = SiteIndex.EntryOf<ContentItem>(document).Body;
        view["related"] = new ScriptArray(Cards(index.Graph.Related(ContentGraph.Item(document))));
        return view;
    }

    /// <summary>The shared view of an item shown on another page (a card); references become links.</summary>
    public ScriptObject Card(Document document, int depth = 1) => _cards.GetOrAdd((document, depth), key => Freeze(Build(key.Item1, key.Item2)));

    public ImmutableArray<ScriptObject> Cards(IEnumerable<Document> documents, int depth = 1) => [.. documents.Select(d => Card(d, depth))];

    /// <summary>Every kind's items as cards, by kind name, in each kind's order: for the home, search and 404 pages.</summary>
    public ScriptObject Collections => LazyInitializer.EnsureInitialized(ref _collections, () => new DeferredObject(into =>
    {
        foreach (var name in index.KindNames)
        {
            into[name] = new ScriptArray(Cards(index.Graph.ItemsOf(name)));
        }
    }));

    private ScriptObject? _collections;

    /// <summary>The groups of items that reference this one under a heading the model declares, for any kind's page.</summary>
    public ImmutableArray<BacklinkGroup> Backlinks(ContentItem item, int depth = 1)
    {
        ArgumentNullException.ThrowIfNull(item);
        return [.. index.Graph.ReferencesTo(item)
            .Where(r => r.Field.BacklinkTitle is not null)
            .GroupBy(r => (Kind: ContentGraph.Item(r.Item).KindName, Field: r.Field.Name))
            .OrderBy(g => g.Key.Kind, StringComparer.Ordinal).ThenBy(g => g.First().Field.Location.Line)
            .Select(g =>
            {
                var documents = g.Select(r => r.Item).ToHashSet(ReferenceEqualityComparer.Instance);
                var items = index.Graph.ItemsOf(g.Key.Kind).Where(documents.Contains);
                return new BacklinkGroup($"{g.Key.Kind}-{g.Key.Field}", g.First().Field.BacklinkTitle!.Replace("{title}", item.Title, StringComparison.Ordinal), g.Key.Kind, Cards(items, depth));
            })];
    }

    private ScriptObject Build(Document document, int depth)
    {
        var item = ContentGraph.Item(document);
        var kind = item.Kind;
        var view = new ScriptObject
        {
            ["kind"] = kind.Name,
            ["id"] = item.Slug,
            ["url"] = item.Url,
            ["title"] = item.Title,
            ["description"] = item.Description,
            ["reading_minutes"] = Views.Minutes(document.Get(MetadataKeys.WordCount)),
        };
        if (item.PublishedOn is { } published)
        {
            view["date_iso"] = Views.DateIso(published);
            view["date_text"] = Views.DateText(published);
        }

        // Clinical content shows when its next review is due (the last review plus site.yml's review interval).
        view["next_review"] = null;
        if (kind.Review is { } review && item.DateOf(review.Date) is { } reviewed)
        {
            var due = reviewed.AddMonths(index.Settings.Review.EveryMonths);
            view["next_review"] = new DateView(Views.DateIso(due), Views.DateText(due));
        }

        foreach (var field in kind.Fields)
        {
            view[field.Name] = Value(item, field, depth);
            if (field.Type == FieldType.Image)
            {
                // Always present (null when unknown): layouts may test them.
                var size = item.TextOf(field.Name) is { } image ? index.Images?.Of(image) : null;
                view[field.Name + "_width"] = size?.Width;
                view[field.Name + "_height"] = size?.Height;
            }
        }

        if (depth < Deepest && !IsReferenced(kind.Name))
        {
            // Nothing can refer to items of this kind: every card shares one set of empty lists.
            var (none, noneVia) = _unreferenced.GetOrAdd(kind.Name, name => (Empty(index.KindNames), Empty(ViaNames(name))));
            view["referenced_by"] = none;
            view["referenced_via"] = noneVia;
        }
        else if (depth < Deepest)
        {
            // Worked out only when a layout reads them: most cards never need what refers to them.
            var references = new Lazy<ImmutableArray<(FieldDefinition Field, Document Item)>>(() => index.Graph.ReferencesTo(item));
            view["referenced_by"] = new DeferredObject(into =>
            {
                // Every kind has an entry, empty when nothing of that kind refers to this item.
                foreach (var name in index.KindNames)
                {
                    var documents = references.Value.Where(r => ContentGraph.Item(r.Item).KindName == name).Select(r => r.Item).ToHashSet(ReferenceEqualityComparer.Instance);
                    into[name] = new ScriptArray(documents.Count == 0 ? [] : Cards(index.Graph.ItemsOf(name).Where(documents.Contains), depth + 1));
                }
            });

            // By kind and field ("article_author"): the articles an author wrote, not those they reviewed.
            view["referenced_via"] = new DeferredObject(into =>
            {
                foreach (var other in index.Model?.Kinds ?? [])
                {
                    foreach (var field in other.Fields.Where(f => f.To == kind.Name))
                    {
                        // By name: in site serve, items parsed in earlier builds hold that build's model objects.
                        var documents = references.Value.Where(r => r.Field.Name == field.Name && ContentGraph.Item(r.Item).KindName == other.Name).Select(r => r.Item).ToHashSet(ReferenceEqualityComparer.Instance);
                        into[$"{other.Name}_{field.Name}"] = new ScriptArray(documents.Count == 0 ? [] : Cards(index.Graph.ItemsOf(other.Name).Where(documents.Contains), depth + 1));
                    }
                }
            });
        }

        if (depth == 0)
        {
            view["backlinks"] = new ScriptArray(Backlinks(item, depth + 1));
        }

        return view;
    }

    private readonly ConcurrentDictionary<string, (ScriptObject, ScriptObject)> _unreferenced = new(StringComparer.Ordinal);

    /// <summary>Whether any kind has a reference field to this kind.</summary>
    private bool IsReferenced(string kind) => _referenced.GetOrAdd(kind, name => index.Model.Kinds.Any(k => k.Fields.Any(f => f.To == name)));

    private readonly ConcurrentDictionary<string, bool> _referenced = new(StringComparer.Ordinal);

    private IEnumerable<string> ViaNames(string kind) =>
        index.Model.Kinds.SelectMany(k => k.Fields.Where(f => f.To == kind).Select(f => $"{k.Name}_{f.Name}"));

    private static ScriptObject Empty(IEnumerable<string> names)
    {
        var empty = new ScriptObject();
        foreach (var name in names)
        {
            empty[name] = new ScriptArray { IsReadOnly = true };
        }

        empty.IsReadOnly = true;
        return empty;
    }

    private object? Value(ContentItem item, FieldDefinition field, int depth)
    {
        switch (field.Type)
        {
            case FieldType.Reference:
                return item.ReferenceOf(field.Name) is { } reference ? Target(field, reference.Value, depth) : null;
            case FieldType.References:
                return new ScriptArray(item.ItemsOf(field.Name).Select(r => Target(field, r.Value, depth)).OfType<object>());
            case FieldType.List when field.Taxonomy:
                return new ScriptArray(item.TextsOf(field.Name).Select(t => new LinkView(t, FieldDefinition.TopicUrl(t))));
            case FieldType.List:
                return new ScriptArray(item.TextsOf(field.Name));
            case FieldType.Date:
                return item.DateOf(field.Name) is { } date ? new DateView(Views.DateIso(date), Views.DateText(date)) : null;
            default:
                return item.Fields.GetValueOrDefault(field.Name);
        }
    }

    /// <summary>A referenced item: a full view from a page, a link from a card; null when it is not published.</summary>
    private object? Target(FieldDefinition field, string id, int depth)
    {
        if (index.Graph.Find(field.To!, id) is not { } target)
        {
            return null;
        }

        if (depth == 0)
        {
            return Card(target);
        }

        var item = ContentGraph.Item(target);
        return new LinkView(item.Title, item.Url);
    }

    private static ScriptObject Freeze(ScriptObject view)
    {
        view.IsReadOnly = true;
        return view;
    }
}
