using System.Collections.Frozen;
using System.Collections.Immutable;
using Site.Engine;
using Site.Web.Content;
using Site.Web.Model;

namespace Site.Web.Rendering;

/// <summary>
/// Every published item by kind and id, and the references between them in both directions, read from the
/// content model's reference fields: what a page of any kind needs to show what it links to and what links to it.
/// </summary>
public sealed class ContentGraph
{
    private readonly FrozenDictionary<string, ImmutableArray<Document>> _byKind;
    private readonly FrozenDictionary<(string Kind, string Id), Document> _byId;
    private readonly FrozenDictionary<(string Kind, string Id), ImmutableArray<(FieldDefinition Field, Document Item)>> _referencedBy;

    public ContentGraph(IEnumerable<Document> items)
    {
        var all = items.Where(d => d.Model is ContentItem).ToList();
        _byKind = all.GroupBy(d => Item(d).KindName, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => Sorted(g), StringComparer.Ordinal);
        _byId = all.ToFrozenDictionary(d => (Item(d).KindName, Item(d).Slug));
        _referencedBy = all
            .SelectMany(d => Item(d).Kind.Fields.Where(f => f.IsReference).SelectMany(f => Targets(Item(d), f).Select(id => (Key: (f.To!, id), Field: f, Item: d))))
            .GroupBy(x => x.Key)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => (x.Field, x.Item)).ToImmutableArray());
    }

    public static ContentItem Item(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return (ContentItem)document.Model!;
    }

    /// <summary>The items of one kind: newest first when the kind has a publication date, else by title.</summary>
    public ImmutableArray<Document> ItemsOf(string kind) => _byKind.GetValueOrDefault(kind, []);

    public Document? Find(string kind, string id) => _byId.GetValueOrDefault((kind, id));

    /// <summary>Every item that names this one in a reference field, with that field.</summary>
    public ImmutableArray<(FieldDefinition Field, Document Item)> ReferencesTo(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return _referencedBy.GetValueOrDefault((item.KindName, item.Slug), []);
    }

    /// <summary>How many of the newest items sharing one value are considered as related.</summary>
    private const int CandidatesPerValue = 30;

    private FrozenDictionary<(string Kind, string Field, string Value), ImmutableArray<Document>>? _byValue;

    /// <summary>
    /// The items of the same kind related to this one by the kind's <c>related:</c> rule: those sharing the most
    /// weighted values, newest first among equals. Candidates are the newest few sharing each value, so the
    /// cost does not grow with the size of the archive.
    /// </summary>
    public ImmutableArray<Document> Related(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Kind.Related is not { } rule)
        {
            return [];
        }

        var byValue = LazyInitializer.EnsureInitialized(ref _byValue, BuildByValue);
        var own = rule.Weights.Select(w => (w.Weight, Field: w.Field, Values: item.TextsOf(w.Field).ToHashSet(StringComparer.Ordinal))).ToList();
        var candidates = new HashSet<Document>(ReferenceEqualityComparer.Instance);
        foreach (var (_, field, values) in own)
        {
            var taxonomy = item.Kind.Field(field)?.Taxonomy == true;
            foreach (var value in values)
            {
                candidates.UnionWith(byValue.GetValueOrDefault((item.KindName, field, taxonomy ? ContentUrls.Slugify(value) : value), []).Take(CandidatesPerValue));
            }
        }

        return [.. candidates
            .Select(d => (Document: d, Item: Item(d)))
            .Where(c => c.Item.Slug != item.Slug)
            .Select(c => (c.Document, c.Item, Score: Score(c.Item, own)))
            .OrderByDescending(x => x.Score)
            .ThenByDescending(x => x.Item.PublishedOn)
            .ThenBy(x => x.Item.Slug, StringComparer.Ordinal)
            .Take(rule.Count)
            .Select(x => x.Document)];
    }

    /// <summary>The weighted count of a candidate's values that the item shares (no copies: this runs for every candidate).</summary>
    private static int Score(ContentItem candidate, List<(int Weight, string Field, HashSet<string> Values)> own)
    {
        var score = 0;
        foreach (var (weight, field, values) in own)
        {
            foreach (var value in candidate.ItemsOf(field))
            {
                if (values.Contains(value.Value))
                {
                    score += weight;
                }
            }
        }

        return score;
    }

    /// <summary>For every kind with a related rule: its items by each value of each counted field, in kind order.</summary>
    private FrozenDictionary<(string Kind, string Field, string Value), ImmutableArray<Document>> BuildByValue() =>
        _byKind.Values.SelectMany(items => items)
            .SelectMany(d => (Item(d).Kind.Related?.Weights ?? []).SelectMany(w =>
                Item(d).TextsOf(w.Field).Select(v => Item(d).Kind.Field(w.Field)?.Taxonomy == true ? ContentUrls.Slugify(v) : v).Distinct(StringComparer.Ordinal)
                    .Select(v => (Key: (Item(d).KindName, w.Field, v), Document: d))))
            .GroupBy(x => x.Key)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Document).ToImmutableArray());

    /// <summary>The ids a reference field of an item names.</summary>
    public static IEnumerable<string> Targets(ContentItem item, FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(field);
        return field.Type == FieldType.Reference
            ? item.ReferenceOf(field.Name) is { } one ? [one.Value] : []
            : item.ItemsOf(field.Name).Select(r => r.Value);
    }

    private static ImmutableArray<Document> Sorted(IEnumerable<Document> documents)
    {
        var list = documents.ToList();
        return list.Count > 0 && Item(list[0]).Kind.DateField is not null
            ? [.. list.OrderByDescending(d => Item(d).PublishedOn).ThenBy(d => Item(d).Title, StringComparer.Ordinal)]
            : [.. list.OrderBy(d => Item(d).Title, StringComparer.Ordinal)];
    }
}
